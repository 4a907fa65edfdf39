"""Chart images of the monitoring (PNG bytes, drawn with matplotlib off-screen): difficulties
by category, meetings per month, the dynamics of self-diagnosis, and a questionnaire's scales."""

from __future__ import annotations

import io
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING, Any

from bot.services.monitoring import DifficultyTrend, Figures
from bot.services.surveys import SCALE as SCALE_STEPS
from bot.services.surveys import Results
from bot.texts import monitoring as texts
from bot.texts import surveys as survey_texts
from bot.texts.vocabulary import category_short, month_label, shorten
from models.enums import DifficultyCategory, QuestionKind

if TYPE_CHECKING:
    from matplotlib.figure import Figure

SIZE = (8, 4.5)
COLORS = ("#2a9d8f", "#e76f51")


@cache
def _pyplot() -> ModuleType:
    """matplotlib, loaded with the first chart: with numpy it is some 55 MB that a bot whose
    users never ask for a chart does not carry."""
    import matplotlib

    matplotlib.use("Agg")  # no display: draw into memory
    from matplotlib import pyplot

    return pyplot


def _figure() -> tuple[Figure, Any]:
    figure, axes = _pyplot().subplots(figsize=SIZE)
    return figure, axes


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.tight_layout()
    figure.savefig(buffer, format="png", dpi=110)
    _pyplot().close(figure)
    return buffer.getvalue()


def _bars(
    axes: Any,
    positions: range,
    upper: list[Any],
    lower: list[Any],
    labels: tuple[str, str],
    colors: tuple[str, str] = COLORS,
) -> None:
    """Two horizontal bars per category, with a legend naming the two series."""
    axes.barh([p + 0.2 for p in positions], upper, height=0.4, color=colors[0], label=labels[0])
    axes.barh([p - 0.2 for p in positions], lower, height=0.4, color=colors[1], label=labels[1])
    axes.legend()


def _counts(axis: Any) -> None:
    """Whole numbers on an axis of counts."""
    from matplotlib.ticker import MaxNLocator  # loaded with the first chart, see _pyplot

    axis.set_major_locator(MaxNLocator(integer=True))


def difficulties(figures: Figures) -> bytes | None:
    categories = [
        c
        for c in DifficultyCategory
        if figures.difficulties_new.get(c) or figures.difficulties_open.get(c)
    ]
    if not categories:
        return None
    figure, axes = _figure()
    positions = range(len(categories))
    new = [figures.difficulties_new.get(c, 0) for c in categories]
    still_open = [figures.difficulties_open.get(c, 0) for c in categories]
    _bars(axes, positions, new, still_open, (texts.CHART_NEW, texts.CHART_OPEN))
    _counts(axes.xaxis)
    axes.set_yticks(list(positions), [category_short(c) for c in categories])
    axes.set_title(texts.CHART_DIFFICULTIES)
    return _png(figure)


def meetings(by_month: dict[str, int]) -> bytes | None:
    if not by_month:
        return None
    figure, axes = _figure()
    months = list(by_month)
    axes.bar([month_label(m) for m in months], [by_month[m] for m in months], color=COLORS[0])
    _counts(axes.yaxis)
    axes.set_title(texts.CHART_MEETINGS)
    axes.tick_params(axis="x", rotation=45)
    return _png(figure)


def self_check(figures: Figures) -> bytes | None:
    if not figures.self_check:
        return None
    categories = [c for c in DifficultyCategory if c in figures.self_check]
    figure, axes = _figure()
    positions = range(len(categories))
    before = [figures.self_check[c][0] for c in categories]
    after = [figures.self_check[c][1] for c in categories]
    labels = (texts.CHART_START, texts.CHART_END)
    _bars(axes, positions, before, after, labels, (COLORS[1], COLORS[0]))
    axes.set_yticks(list(positions), [category_short(c) for c in categories])
    axes.set_xlim(0, 5)
    axes.set_title(texts.CHART_SELF_CHECK)
    return _png(figure)


def difficulty_trend(trend: DifficultyTrend) -> bytes | None:
    if not trend.new:
        return None
    figure, axes = _figure()
    for category in DifficultyCategory:
        if category in trend.new:
            counts = [trend.new[category].get(month, 0) for month in trend.months]
            months = [month_label(month) for month in trend.months]
            axes.plot(months, counts, marker="o", label=category_short(category))
    _counts(axes.yaxis)
    axes.set_title(texts.CHART_TREND)
    axes.legend(fontsize="small")
    return _png(figure)


def survey(results: Results) -> bytes | None:
    """How many chose each step 1–5 of each scale question, a group of bars per question."""
    scales = [r for r in results.questions if r.question.kind is QuestionKind.SCALE and r.scores]
    if not scales:
        return None
    figure, axes = _figure()
    width = 0.16
    positions = range(len(scales))
    for offset, score in enumerate(SCALE_STEPS):
        axes.bar(
            [p + (offset - 2) * width for p in positions],
            [result.scores.get(score, 0) for result in scales],
            width=width,
            label=str(score),
        )
    axes.set_xticks(list(positions), [shorten(r.question.text, 28) for r in scales])
    _counts(axes.yaxis)
    axes.set_ylabel(survey_texts.CHART_COUNT)
    current = results.questionnaire
    axes.set_title(
        survey_texts.CHART_TITLE.format(
            audience=survey_texts.AUDIENCE_NAMES[current.audience],
            milestone=survey_texts.MILESTONE_NAMES[current.milestone],
        )
    )
    axes.legend(title="1–5")
    return _png(figure)
