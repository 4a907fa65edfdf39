"""The school's printed papers as .docx, one module per document, built from what the bot
holds: the order fixing pairs, the personalised programme, the regulation's template and the
school's roadmap. `common` keeps the office conventions they share."""
