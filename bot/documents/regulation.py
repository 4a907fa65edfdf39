"""The template of the regulation (Положение о системе наставничества) filled with the
organisation's data, for the curator to edit and have adopted."""

from __future__ import annotations

from bot.documents import common
from bot.services.regulations import RegulationTemplate
from bot.texts import documents as texts
from bot.texts.vocabulary import label


def build(data: RegulationTemplate) -> bytes:
    document = common.start(data.organization)
    common.approval(document, texts.REGULATION_DIRECTOR, None, None)
    common.title(document, texts.REGULATION_TITLE, data.organization)
    values = {
        "organization": data.organization,
        "curator": common.filled(data.curator),
        "terms": texts.REGULATION_TERMS,
        "forms": "; ".join(label(form).lower() for form in data.forms),
        "kinds": "; ".join(label(kind).lower() for kind in data.kinds),
    }
    for heading, paragraphs in texts.REGULATION_SECTIONS:
        common.heading(document, heading)
        for text in paragraphs:
            common.paragraph(document, text.format(**values))
    document.add_paragraph()
    document.add_paragraph(texts.REGULATION_ADOPTED_MARK.format(day=common.day(None)))
    return common.to_bytes(document)
