"""The buttons of questionnaires: the invitation, a question's answers, the curator's list and
card of a questionnaire, and the kinds of a new question."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks.common import CancelCb, SkipCb
from bot.callbacks.surveys import (
    QuestionKindCb,
    SurveyAdminAction,
    SurveyAdminCb,
    SurveyAnswerCb,
    SurveyStartCb,
)
from bot.keyboards.common import button
from bot.services.surveys import Question, Questionnaire
from bot.texts import common as common_texts
from bot.texts import surveys as texts
from bot.texts.vocabulary import shorten
from models.enums import QuestionKind, SurveyAudience, SurveyMilestone

OPTION_LABEL = 60


def start(pair_id: int, milestone: SurveyMilestone) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [button(texts.BUTTON_SURVEY_START, SurveyStartCb(pair_id=pair_id, milestone=milestone))]
        ]
    )


def answers(response_id: int, index: int, question: Question) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    if question.kind is QuestionKind.SCALE:
        builder.row(
            *(
                button(label, SurveyAnswerCb(response_id=response_id, index=index, value=score))
                for score, label in texts.SCALE_LABELS.items()
            )
        )
    elif question.kind is QuestionKind.CHOICE:
        for number, option in enumerate(question.options):
            data = SurveyAnswerCb(response_id=response_id, index=index, value=number)
            builder.row(button(shorten(option, OPTION_LABEL), data))
    else:
        builder.row(button(common_texts.BUTTON_SKIP, SkipCb()))
    return builder.as_markup()


def questionnaires(rows: list[tuple[Questionnaire, str]]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for current, label in rows:
        data = SurveyAdminCb(
            action=SurveyAdminAction.OPEN, audience=current.audience, milestone=current.milestone
        )
        builder.row(button(label, data))
    return builder.as_markup()


def card(current: Questionnaire) -> InlineKeyboardMarkup:
    def data(action: SurveyAdminAction) -> SurveyAdminCb:
        return SurveyAdminCb(action=action, audience=current.audience, milestone=current.milestone)

    builder = InlineKeyboardBuilder()
    toggle = texts.BUTTON_SURVEY_TOGGLE_OFF if current.enabled else texts.BUTTON_SURVEY_TOGGLE_ON
    anonymous = (
        texts.BUTTON_SURVEY_ANONYMOUS_OFF if current.anonymous else texts.BUTTON_SURVEY_ANONYMOUS_ON
    )
    builder.row(
        button(toggle, data(SurveyAdminAction.TOGGLE)),
        button(anonymous, data(SurveyAdminAction.ANONYMOUS)),
    )
    builder.row(
        button(texts.BUTTON_SURVEY_ADD, data(SurveyAdminAction.ADD)),
        button(texts.BUTTON_SURVEY_RESULTS, data(SurveyAdminAction.RESULTS)),
    )
    builder.row(button(texts.BUTTON_SURVEYS_BACK, SurveyAdminCb(action=SurveyAdminAction.LIST)))
    return builder.as_markup()


def question_kinds() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for kind, name in texts.QUESTION_KIND_NAMES.items():
        builder.row(button(name, QuestionKindCb(kind=kind)))
    builder.row(button(common_texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def back_to(audience: SurveyAudience, milestone: SurveyMilestone) -> InlineKeyboardMarkup:
    data = SurveyAdminCb(action=SurveyAdminAction.OPEN, audience=audience, milestone=milestone)
    return InlineKeyboardMarkup(inline_keyboard=[[button(common_texts.BUTTON_BACK, data)]])
