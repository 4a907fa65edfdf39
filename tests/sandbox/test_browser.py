"""The sandbox page in a real headless Chromium (Debian's `chromium` and `chromium-driver`),
driving `python -m sandbox`: the real bot, the strict local Bot API and the demo school.

A mentee registers a difficulty with the buttons and their mentor then finds it; a mentee asks
for help with a photo, which reaches the mentor; the curator gets /summary, its charts and the
Excel workbook, downloaded and opened; what Telegram would refuse is shown as a red error in
that person's chat; formatting, edits and reply keyboards look as in Telegram. Until the bot has
started the page says so; the sidebar shows each person's description whole; a toast stays with
the chat it came from; an emoji this system has no font for is shown as text, not as a box.
Screenshots are saved to tests/artifacts/ (git-ignored)."""

from __future__ import annotations

import functools
import re
import shutil
import signal
import struct
import subprocess
import sys
import time
import zlib
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

from bot.texts.difficulties import BUTTON_NEW_DIFFICULTY, DIFFICULTY_SAVED
from bot.texts.help_requests import HELP_ASK_URGENCY, HELP_URGENCY_NAMES
from bot.texts.monitoring import (
    BUTTON_CHARTS,
    BUTTON_WORKBOOK,
    SUMMARY_ASK_PERIOD,
    SUMMARY_PERIOD_BUTTONS,
)
from bot.texts.pairs import BUTTON_MENTEE_DIFFICULTIES, BUTTON_MY_PAIRS
from bot.texts.settings import ORG_SETTING_BUTTONS, ORG_SETTINGS_SAVED
from bot.texts.vocabulary import DIFFICULTY_CATEGORIES, DIFFICULTY_CATEGORY_BUTTONS, URGENCY_NAMES
from models.enums import DifficultyCategory, Urgency
from sandbox.__main__ import TIMEZONE as SANDBOX_TIMEZONE
from tests.sandbox import ROOT, SandboxProcess, http, http_json, start_sandbox

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = ROOT / "tests" / "artifacts"
# Seconds for the bot to answer: the first chart imports matplotlib, which on a busy 2-core
# machine takes tens of seconds; a bound, not an expectation.
WAIT = 120.0

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason="нужны /usr/bin/chromium и /usr/bin/chromedriver: "
    "apt-get install chromium chromium-driver (scripts/test.sh ставит их сам)",
)
T = TypeVar("T")


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxProcess]:
    running = start_sandbox("--port", "0")
    yield running
    assert running.stop(signal.SIGINT) == 0


@pytest.fixture(scope="module")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def driver(downloads: Path) -> Iterator[WebDriver]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        "--lang=ru-RU",
    ):
        options.add_argument(argument)
    options.add_experimental_option(
        "prefs",
        {
            "download.default_directory": str(downloads),
            "download.prompt_for_download": False,
            "safebrowsing.enabled": False,
        },
    )
    chrome = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    yield chrome
    chrome.quit()


class Page:
    """The sandbox page as a user works it: choose a person, read and press, type. Texts are
    given as the bot writes them; where an emoji has no font the page shows its text (`shown`)."""

    def __init__(self, driver: WebDriver, sandbox: SandboxProcess) -> None:
        self.driver = driver
        self.url = sandbox.url
        _status, data = http_json(f"{self.url}/sandbox/api/people")
        self.people: list[dict[str, Any]] = data["people"]

    def person(self, role: str, matching: Callable[[dict[str, Any]], bool] = bool) -> Any:
        return next(p for p in self.people if p["role"] == role and matching(p))

    def named(self, full_name: str) -> Any:
        return next(p for p in self.people if p["full_name"] == full_name)

    def wait(self, condition: Callable[[WebDriver], T | None], what: str) -> T:
        def check(driver: WebDriver) -> T | None:
            try:
                return condition(driver)
            except StaleElementReferenceException:
                return None  # the chat was re-rendered meanwhile: look again

        try:
            result = WebDriverWait(self.driver, WAIT, poll_frequency=0.1).until(check)
        except TimeoutException:
            self.screenshot("failure")
            raise AssertionError(f"not seen in {WAIT} s: {what}") from None
        assert result is not None  # until() returns only a true value
        return result

    def open(self) -> None:
        self.driver.get(self.url)
        self.wait(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-testid=person]"), "people")

    def shown(self, text: str) -> str:
        """`text` as the page shows it here: an emoji without a font becomes text or goes."""
        result = self.driver.execute_script("return readable(arguments[0])", text)
        assert isinstance(result, str)
        return result

    def choose(self, person: dict[str, Any]) -> None:
        """Click the person in the picker; their chat opens with the bot's greeting."""
        selector = f"[data-testid=person][data-person-id='{person['telegram_id']}']"

        def click(driver: WebDriver) -> bool:
            driver.find_element(By.CSS_SELECTOR, selector).click()
            return True

        self.wait(click, f"{person['full_name']} in the list")
        self.wait(
            lambda d: (
                d.find_element(By.CSS_SELECTOR, "[data-testid=chat-name]").text
                == person["full_name"]
            ),
            f"the chat of {person['full_name']}",
        )
        self.message("Главное меню" if person["role"] != "admin" else "Меню администратора")

    def messages(self, side: str = "bot") -> list[WebElement]:
        return self.driver.find_elements(
            By.CSS_SELECTOR, f"[data-testid=message][data-from={side}]"
        )

    def message(self, containing: str, side: str = "bot", after: int = 0) -> WebElement:
        """The newest message of `side` (with an id above `after`) whose text has this."""
        containing = self.shown(containing)

        def found(_driver: WebDriver) -> WebElement | None:
            for message in reversed(self.messages(side)):
                if int(message.get_attribute("data-message-id") or 0) <= after:
                    continue
                if containing in message.text:
                    return message
            return None

        return self.wait(found, f"a message with {containing!r}")

    def with_button(self, button: str) -> WebElement:
        """The newest message of the bot with this inline button."""
        button = self.shown(button)

        def found(_driver: WebDriver) -> WebElement | None:
            for message in reversed(self.messages("bot")):
                buttons = message.find_elements(By.CSS_SELECTOR, "[data-testid=inline-button]")
                if any(candidate.text == button for candidate in buttons):
                    return message
            return None

        return self.wait(found, f"a message with the button {button!r}")

    def press(self, message: WebElement, button: str) -> None:
        """Click the inline button with this text under the message (as it is now)."""
        selector = (
            f"[data-testid=message][data-message-id='{message.get_attribute('data-message-id')}']"
        )
        button = self.shown(button)

        def click(driver: WebDriver) -> bool:
            current = driver.find_element(By.CSS_SELECTOR, selector)
            for candidate in current.find_elements(By.CSS_SELECTOR, "[data-testid=inline-button]"):
                if candidate.text == button:
                    candidate.click()
                    return True
            return False

        self.wait(click, f"the button {button!r}")

    def type(self, text: str) -> None:
        field = self.driver.find_element(By.CSS_SELECTOR, "[data-testid=message-input]")
        field.send_keys(text)
        field.send_keys(Keys.ENTER)

    def toast(self, containing: str) -> str:
        containing = self.shown(containing)

        def shown(driver: WebDriver) -> str | None:
            toast = driver.find_element(By.CSS_SELECTOR, "[data-testid=toast]")
            return toast.text if toast.is_displayed() and containing in toast.text else None

        return self.wait(shown, f"the toast {containing!r}")

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"sandbox-{name}.png"
        self.driver.save_screenshot(str(path))
        print(f"\nscreenshot: {path}")
        return path


@pytest.fixture
def page(driver: WebDriver, sandbox: SandboxProcess) -> Page:
    result = Page(driver, sandbox)
    result.open()
    return result


def bot_api(sandbox: SandboxProcess, method: str, **params: Any) -> tuple[int, Any]:
    """Call the local Bot API as the bot would (the page itself never has the token)."""
    return http_json(f"{sandbox.url}/bot{sandbox.token}/{method}", params)


def test_a_mentee_registers_a_difficulty_and_their_mentor_sees_it(page: Page) -> None:
    started = time.monotonic()
    mentee = page.person("mentee", lambda p: "пара с" in p["description"])
    page.choose(mentee)
    menu = page.message("Главное меню")
    page.press(menu, BUTTON_NEW_DIFFICULTY)

    asking = page.message("Шаг 1 из 3")
    asking_id = asking.get_attribute("data-message-id")
    page.press(asking, DIFFICULTY_CATEGORY_BUTTONS[DifficultyCategory.METHODOLOGICAL])
    edited = page.message("Шаг 2 из 3")  # the same message, edited in place
    assert edited.get_attribute("data-message-id") == asking_id
    assert edited.find_element(By.CSS_SELECTOR, "[data-testid=edited]").text == "изменено"
    bold = edited.find_element(By.CSS_SELECTOR, "[data-testid=message-text] strong")
    assert bold.text == DIFFICULTY_CATEGORIES[DifficultyCategory.METHODOLOGICAL]

    description = "Не получается организовать групповую работу на уроке"
    page.type(description)
    assert page.message(description, side="user")
    urgency = page.message("Шаг 3 из 3")
    page.press(urgency, URGENCY_NAMES[Urgency.HIGH].capitalize())
    assert page.toast("Затруднение сохранено") == page.shown(DIFFICULTY_SAVED)
    card = page.message(description)
    assert "Статус: открыто" in card.text

    # Who is the mentor: the mentee's own list of pairs says.
    page.press(page.message("Главное меню"), BUTTON_MY_PAIRS)
    pairs = page.message("Пары и группы")
    line = next(line for line in pairs.text.splitlines() if mentee["full_name"] in line)
    mentor_name = re.match(r"\d+\. [^:]+: (.+?) → ", line)
    assert mentor_name is not None, line
    mentor = page.named(mentor_name.group(1))

    page.choose(mentor)
    assert page.driver.current_url.endswith(f"#{mentor['telegram_id']}")
    assert all(description not in message.text for message in page.messages("bot"))
    page.driver.refresh()  # the chosen person is kept in the address
    page.choose(mentor)
    page.press(page.message("Главное меню"), BUTTON_MY_PAIRS)
    mentor_pairs = page.message("Пары и группы")
    number = next(
        line.split(".")[0] for line in mentor_pairs.text.splitlines() if mentee["full_name"] in line
    )
    pair_button = next(  # «2. Миронова Анна Сергеевна → Журавлёва Ана…»
        button.text
        for button in mentor_pairs.find_elements(By.CSS_SELECTOR, "[data-testid=inline-button]")
        if button.text.startswith(f"{number}. ")
    )
    page.press(mentor_pairs, pair_button)
    short = mentee["full_name"].split(" ")[0]
    difficulties = BUTTON_MENTEE_DIFFICULTIES.format(name=short)
    page.press(page.with_button(difficulties), difficulties)  # on the pair's card
    listing = page.message(description)
    assert page.shown("🔴") in listing.text
    page.screenshot("mentor")
    print(f"mentee → mentor scenario: {time.monotonic() - started:.1f} s")


def tiny_png(width: int = 8, height: int = 6) -> bytes:
    """A small valid PNG (a blue rectangle), written by hand."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\x33\x90\xec" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def loaded_images(message: WebElement, driver: WebDriver) -> list[WebElement]:
    images = message.find_elements(By.CSS_SELECTOR, "[data-testid=message-photo]")
    return [
        image
        for image in images
        if driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth", image)
    ]


def test_a_photo_sent_with_a_help_request_reaches_the_mentor(page: Page, tmp_path: Path) -> None:
    mentee = page.person("mentee", lambda p: "группа" in p["description"])
    page.choose(mentee)
    page.type("/need_help")
    page.message("Нужна помощь.")
    photo = tmp_path / "доска.png"
    photo.write_bytes(tiny_png())
    caption = "Вот что получилось на доске после урока — как лучше разобрать?"
    page.driver.find_element(By.CSS_SELECTOR, "[data-testid=message-input]").send_keys(caption)
    page.driver.find_element(By.CSS_SELECTOR, "[data-testid=file-input]").send_keys(str(photo))
    sent = page.message(caption, side="user")
    assert page.wait(lambda d: loaded_images(sent, d), "the photo sent")
    page.press(page.message(HELP_ASK_URGENCY), HELP_URGENCY_NAMES[Urgency.MEDIUM])
    confirmation = page.message("отправлен наставнику")
    mentor_name = re.search(r"наставнику (.+?)\. Ответ", confirmation.text)
    assert mentor_name is not None, confirmation.text

    page.choose(page.named(mentor_name.group(1)))
    page.message("Запрос о помощи")
    notice_photo = page.wait(
        lambda d: next((m for m in reversed(page.messages()) if loaded_images(m, d)), None),
        "the mentee's photo in the mentor's chat",
    )
    link = notice_photo.find_element(By.CSS_SELECTOR, "a.photo").get_attribute("href") or ""
    status, headers, content = http(link)
    assert status == 200
    assert headers["Content-Type"] == "image/png"
    assert content == tiny_png()


def test_the_curator_gets_the_summary_charts_and_the_workbook(page: Page, downloads: Path) -> None:
    curator = page.person("curator")
    page.choose(curator)
    page.type("/summary")
    summary = page.message("Мониторинг наставничества")
    assert summary.find_elements(By.CSS_SELECTOR, "[data-testid=message-text] strong")

    page.press(summary, BUTTON_WORKBOOK)
    document = page.wait(
        lambda d: next(
            (
                m.find_element(By.CSS_SELECTOR, "[data-testid=message-document]")
                for m in reversed(page.messages())
                if m.find_elements(By.CSS_SELECTOR, "[data-testid=message-document]")
            ),
            None,
        ),
        "the workbook",
    )
    name = document.find_element(By.CSS_SELECTOR, "[data-testid=document-name]").text
    assert re.fullmatch(r"monitoring_\d{8}_\d{8}\.xlsx", name), name
    document.click()
    saved = downloads / name
    page.wait(lambda _d: saved.exists() and saved.stat().st_size > 0, f"{saved} downloaded")
    workbook = openpyxl.load_workbook(saved, read_only=True)
    assert len(workbook.sheetnames) >= 5
    workbook.close()
    summary = page.message("Мониторинг наставничества")
    page.driver.execute_script("arguments[0].scrollIntoView()", summary)
    assert page.screenshot("curator").stat().st_size > 10_000

    # the demo's month of history, whatever today is (this month may have begun yesterday)
    today = datetime.now(ZoneInfo(SANDBOX_TIMEZONE)).date()
    start = today - timedelta(days=45)
    page.press(summary, SUMMARY_PERIOD_BUTTONS["custom"])
    page.message(SUMMARY_ASK_PERIOD)
    page.type(f"{start:%d.%m.%Y}-{today:%d.%m.%Y}")
    summary = page.message(f"{start:%d.%m.%Y}")
    page.press(summary, BUTTON_CHARTS)
    page.wait(lambda d: sum(len(loaded_images(m, d)) for m in page.messages()) >= 2, "the charts")


def test_what_telegram_would_refuse_is_a_red_error_in_that_chat(
    page: Page, sandbox: SandboxProcess
) -> None:
    person = page.person("mentee", lambda p: "без пары" in p["description"])
    other = page.person("curator")
    page.choose(person)
    status, answer = bot_api(
        sandbox,
        "sendMessage",
        chat_id=person["telegram_id"],
        text="<b>не закрыт",
        parse_mode="HTML",
    )
    assert status == 400
    assert "can't parse entities" in answer["description"]
    error = page.wait(
        lambda d: d.find_element(By.CSS_SELECTOR, "[data-testid=error]"), "the error bubble"
    )
    assert answer["description"] in error.text
    assert "sendMessage" in error.text
    background = error.find_element(By.CSS_SELECTOR, ".bubble").value_of_css_property(
        "background-color"
    )
    assert background == "rgba(253, 236, 236, 1)"  # red, not a message

    status, answer = bot_api(sandbox, "sendMessage", chat_id=person["telegram_id"], text=" ")
    assert status == 400
    page.wait(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, "[data-testid=error]")) == 2,
        "the second error",
    )
    page.choose(other)  # another person's chat has none of them
    assert not page.driver.find_elements(By.CSS_SELECTOR, "[data-testid=error]")


def test_formatting_edits_and_a_reply_keyboard_look_as_in_telegram(
    page: Page, sandbox: SandboxProcess
) -> None:
    person = page.person("admin")
    page.choose(person)
    html = (
        "😀 <b>жирный</b> <i>курсив</i> <u>подчёркнутый</u> <s>зачёркнутый</s> <code>код</code> "
        '<a href="https://example.org/">ссылка</a> <tg-spoiler>спойлер</tg-spoiler>\n'
        "<blockquote>цитата</blockquote>👍 <b><i>вложенный</i> после эмодзи</b> /help"
    )
    status, sent = bot_api(
        sandbox, "sendMessage", chat_id=person["telegram_id"], text=html, parse_mode="HTML"
    )
    assert status == 200, sent
    message = page.message("после эмодзи")
    body = message.find_element(By.CSS_SELECTOR, "[data-testid=message-text]")

    def texts_of(selector: str) -> list[str]:
        return [
            node.get_attribute("textContent") or ""
            for node in body.find_elements(By.CSS_SELECTOR, selector)
        ]

    assert texts_of("strong") == ["жирный", "вложенный после эмодзи"]
    assert texts_of("em") == ["курсив", "вложенный"]
    assert texts_of("u") == ["подчёркнутый"]
    assert texts_of("s") == ["зачёркнутый"]
    assert texts_of("code") == ["код"]
    assert texts_of(".spoiler") == ["спойлер"]
    assert texts_of("blockquote") == ["цитата"]
    link = body.find_element(By.CSS_SELECTOR, "a[href='https://example.org/']")
    assert link.text == "ссылка"
    assert link.get_attribute("rel") == "noopener noreferrer"
    assert body.get_attribute("textContent") == page.shown(sent["result"]["text"])

    status, _edited = bot_api(
        sandbox,
        "editMessageText",
        chat_id=person["telegram_id"],
        message_id=sent["result"]["message_id"],
        text="Текст <b>изменён</b>",
        parse_mode="HTML",
    )
    assert status == 200
    edited = page.message("Текст изменён")
    assert edited.get_attribute("data-message-id") == str(sent["result"]["message_id"])
    assert "изменено" in edited.text

    # What a user types is text, never markup.
    page.type("<b>не разметка</b> <img src=x onerror=alert(1)>")
    typed = page.message("<b>не разметка</b>", side="user")
    assert not typed.find_elements(By.CSS_SELECTOR, "strong, img")

    keyboard = {"keyboard": [[{"text": "Первая"}, {"text": "Вторая"}]], "resize_keyboard": True}
    status, _sent = bot_api(
        sandbox,
        "sendMessage",
        chat_id=person["telegram_id"],
        text="Выберите кнопку внизу",
        reply_markup=keyboard,
    )
    assert status == 200
    second = page.wait(
        lambda d: next(
            (
                b
                for b in d.find_elements(By.CSS_SELECTOR, "[data-testid=reply-button]")
                if b.text == "Вторая" and b.is_displayed()
            ),
            None,
        ),
        "the reply keyboard",
    )
    second.click()
    assert page.message("Вторая", side="user")


def test_a_file_too_big_or_a_stopped_sandbox_is_said_in_russian(page: Page, tmp_path: Path) -> None:
    page.choose(page.person("curator"))
    big = tmp_path / "видео урока.mp4"
    with big.open("wb") as file:
        file.truncate(20 * 1024 * 1024 + 1)  # sparse: refused before a byte is sent
    page.driver.find_element(By.CSS_SELECTOR, "[data-testid=file-input]").send_keys(str(big))
    assert "Файл больше 20 МБ" in page.toast("20 МБ")
    photo = tmp_path / "снимок.png"
    with photo.open("wb") as file:
        file.truncate(10 * 1024 * 1024 + 1)
    page.driver.find_element(By.CSS_SELECTOR, "[data-testid=file-input]").send_keys(str(photo))
    assert "Фото больше 10 МБ" in page.toast("10 МБ")

    # the server gone: the browser's own "Failed to fetch" is not what the person reads
    page.driver.execute_script(
        "window.fetch = () => Promise.reject(new TypeError('Failed to fetch'))"
    )
    page.type("Есть кто?")
    assert page.toast("Песочница не отвечает") == "Песочница не отвечает — она остановлена?"


# `python -m sandbox` whose bot starts only once the file named first exists: the page is seen
# while the bot is still starting, however fast this machine imports it.
GATED_SANDBOX = """
import sys, time
from pathlib import Path
import sandbox.__main__ as command
gate, run_bot = Path(sys.argv.pop(1)), command._bot_runner
def gated():
    deadline = time.monotonic() + 120
    while not gate.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    return run_bot()
command._bot_runner = gated
sys.exit(command.main(sys.argv[1:]))
"""


def test_the_page_says_the_bot_is_starting_until_it_answers(
    driver: WebDriver, tmp_path: Path
) -> None:
    gate = tmp_path / "start-the-bot"
    starting = start_sandbox(
        str(gate), "--port", "0", command=(sys.executable, "-c", GATED_SANDBOX)
    )
    try:
        page = Page(driver, starting)
        page.open()
        hint = page.wait(
            lambda d: next(
                (
                    e
                    for e in d.find_elements(By.CSS_SELECTOR, "[data-testid=bot-starting]")
                    if e.is_displayed()
                ),
                None,
            ),
            "the hint that the bot is starting",
        )
        assert "Бот запускается… это займёт несколько секунд" in hint.text
        assert http_json(f"{starting.url}/sandbox/api/people")[1]["bot_started"] is False

        curator = page.person("curator")
        driver.find_element(
            By.CSS_SELECTOR, f"[data-testid=person][data-person-id='{curator['telegram_id']}']"
        ).click()
        page.wait(
            lambda d: (
                d.find_element(By.CSS_SELECTOR, "[data-testid=chat-name]").text
                == curator["full_name"]
            ),
            "the curator's chat",
        )
        assert hint.is_displayed()  # in the chosen chat too, and writing already works
        assert not page.messages("bot")
        page.type("Здравствуйте")
        assert page.message("Здравствуйте", side="user")
        page.screenshot("starting")

        gate.touch()
        page.message("Главное меню")  # the greeting, once the bot is up
        page.wait(lambda _d: not hint.is_displayed(), "the hint gone")
        assert http_json(f"{starting.url}/sandbox/api/people")[1]["bot_started"] is True
    finally:
        gate.touch()
        assert starting.stop(signal.SIGINT) == 0


def test_the_sidebar_shows_each_persons_description_in_full(page: Page) -> None:
    def check_descriptions() -> list[WebElement]:
        people = {str(p["telegram_id"]): p for p in page.people}
        shown = []
        for entry in page.driver.find_elements(By.CSS_SELECTOR, "[data-testid=person]"):
            person = people.get(entry.get_attribute("data-person-id") or "")
            if person is None:
                continue  # a guest added since the page read the list
            description = entry.find_element(By.CSS_SELECTOR, "[data-testid=person-description]")
            assert description.get_attribute("textContent") == page.shown(person["description"])
            assert description.get_attribute("title") == person["description"]
            assert entry.get_attribute("title") == person["description"]  # the whole, on hover
            cut = page.driver.execute_script(
                "const e = arguments[0];"
                "return e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1",
                description,
            )
            assert not cut, f"{person['full_name']}: {person['description']}"
            shown.append(description)
        assert len(shown) == len(page.people)
        return shown

    def lines(description: WebElement) -> int:
        count = page.driver.execute_script(
            "const e = arguments[0];"
            "return Math.round(e.clientHeight / parseFloat(getComputedStyle(e).lineHeight))",
            description,
        )
        assert isinstance(count, int)
        return count

    longest = max(page.people, key=lambda p: len(p["description"]))
    assert "пара с" in longest["description"]
    size = page.driver.get_window_size()
    try:
        page.driver.set_window_size(390, 844)  # a phone: the list takes the whole width
        check_descriptions()
        page.screenshot("sidebar-narrow")
    finally:
        page.driver.set_window_size(size["width"], size["height"])
    shown = check_descriptions()
    assert max(lines(description) for description in shown) >= 2  # wrapped, not cut

    page.choose(longest)
    chosen = page.driver.find_element(By.CSS_SELECTOR, "[data-testid=person].chosen")
    assert chosen.get_attribute("data-person-id") == str(longest["telegram_id"])
    check_descriptions()
    hint = page.driver.find_element(By.CSS_SELECTOR, "[data-testid=bot-starting]")
    assert not hint.is_displayed()  # the bot has answered
    page.screenshot("sidebar")


# Delays the page's button presses (a slow bot) or fails them (a lost connection).
DELAY_PRESSES = """
const delay = arguments[0], fail = arguments[1];
window.sandboxFetch = window.sandboxFetch || window.fetch;
window.fetch = (url, options) => String(url).endsWith("/press")
  ? new Promise((resolve) => setTimeout(resolve, delay)).then(() =>
      fail ? Promise.reject(new TypeError("Failed to fetch")) : window.sandboxFetch(url, options))
  : window.sandboxFetch(url, options);
"""


def test_a_toast_stays_with_the_chat_it_came_from(page: Page) -> None:
    curator, other = page.person("curator"), page.person("admin")
    hours = ORG_SETTING_BUTTONS["escalation_hours"]
    toast = page.driver.find_element(By.CSS_SELECTOR, "[data-testid=toast]")

    def answers() -> int:
        _status, chat = http_json(f"{page.url}/sandbox/api/chats/{curator['telegram_id']}")
        return len(chat["callback_answers"])

    def no_toast_for(seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            assert not toast.is_displayed(), toast.text
            time.sleep(0.05)

    page.choose(curator)
    page.type("/settings")
    page.press(page.message("Настройки организации"), hours(24))
    page.toast(ORG_SETTINGS_SAVED)
    page.choose(other)  # the toast shown goes with its chat
    assert not toast.is_displayed()
    no_toast_for(0.5)

    # The bot answers only after the person switched: the toast never shows.
    page.choose(curator)
    before = answers()
    page.driver.execute_script(DELAY_PRESSES, 1500, False)
    page.press(page.message("Настройки организации"), hours(4))  # the demo's value back
    page.choose(other)
    page.wait(lambda _d: answers() > before, "the bot's answer to the curator")
    no_toast_for(1.0)
    page.choose(curator)
    no_toast_for(0.5)  # not later in its own chat either: it was for the moment of the press

    # A press that fails says so in its own chat only.
    page.driver.execute_script(DELAY_PRESSES, 1000, True)
    page.press(page.message("Настройки организации"), hours(8))
    assert "Песочница не отвечает" in page.toast("Песочница не отвечает")
    page.choose(other)
    page.choose(curator)
    page.press(page.message("Настройки организации"), hours(8))
    page.choose(other)
    no_toast_for(1.0)


@functools.cache
def has_font(character: str) -> bool:
    """Whether a font of this system (the ones Chromium draws with) has the character."""
    listed = subprocess.run(
        ["fc-list", f":charset={ord(character):x}", "family"],
        capture_output=True,
        text=True,
        check=True,
    )
    return bool(listed.stdout.strip())


def test_emoji_without_a_font_are_shown_as_text(page: Page, sandbox: SandboxProcess) -> None:
    if shutil.which("fc-list") is None:
        pytest.skip("нужен fc-list (fontconfig), чтобы узнать, какие эмодзи есть в шрифтах")
    person = page.person("admin")
    page.choose(person)
    # an emoji, what stands for it without a font ("" — nothing), and the word after it
    emoji = [
        ("😀", "", "Здравствуйте"),
        ("✅", "[✓]", "Готово"),
        ("⚠️", "[!]", "Внимание"),
        ("📅", "[дата]", "Дата"),
        ("🎯", "[цель]", "Цель"),
        ("👋", "", "Привет"),
    ]
    text = " · ".join(f"{icon} {word}" for icon, _fallback, word in emoji)
    markup = {"inline_keyboard": [[{"text": "✅ Принять", "callback_data": "sandbox:emoji"}]]}
    status, sent = bot_api(
        sandbox, "sendMessage", chat_id=person["telegram_id"], text=text, reply_markup=markup
    )
    assert status == 200, sent

    def drawable(icon: str) -> bool:
        return all(has_font(character) for character in icon if character != "\ufe0f")

    def expected(icon: str, fallback: str, word: str) -> str:
        if drawable(icon):
            return f"{icon} {word}"
        return f"{fallback} {word}" if fallback else word

    message = page.message("Привет")
    body = message.find_element(By.CSS_SELECTOR, "[data-testid=message-text]")
    assert body.get_attribute("textContent") == " · ".join(expected(*item) for item in emoji)
    button = message.find_element(By.CSS_SELECTOR, "[data-testid=inline-button]")
    assert button.get_attribute("textContent") == expected("✅", "[✓]", "Принять")

    # Whatever the chat and its composer show, this system has a font for.
    shown = "".join(
        page.driver.find_element(By.CSS_SELECTOR, selector).get_attribute("textContent") or ""
        for selector in ("[data-testid=messages]", "[data-testid=composer]")
    )
    missing = sorted(
        {
            character
            for character in shown
            if ord(character) > 0x7F
            and not "\u0400" <= character <= "\u04ff"
            and character not in "\ufe0f\u200d"
            and not has_font(character)
        }
    )
    assert not missing, [f"U+{ord(character):04X}" for character in missing]
    page.screenshot("emoji")
