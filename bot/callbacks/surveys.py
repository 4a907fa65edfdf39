"""Callback data of questionnaires: starting one, answering a question, and the curator's."""

from __future__ import annotations

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData

from models.enums import QuestionKind, SurveyAudience, SurveyMilestone


class SurveyStartCb(CallbackData, prefix="svs1"):
    pair_id: int
    milestone: SurveyMilestone


class SurveyAnswerCb(CallbackData, prefix="sva1"):
    response_id: int
    index: int  # of the question answered: a stale button is refused
    value: int  # a score, or an option's number


class SurveyAdminAction(StrEnum):
    LIST = "list"
    OPEN = "open"
    TOGGLE = "toggle"
    ANONYMOUS = "anon"
    ADD = "add"
    RESULTS = "results"


class SurveyAdminCb(CallbackData, prefix="sva2"):
    action: SurveyAdminAction
    audience: SurveyAudience = SurveyAudience.MENTEE
    milestone: SurveyMilestone = SurveyMilestone.START


class QuestionKindCb(CallbackData, prefix="svq1"):
    kind: QuestionKind
