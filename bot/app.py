"""The composition root: the Application, its settings, and the one list of every handler the bot has.

To add a feature: write a thin handler in bot/handlers/, add it to `handlers()` above the fallbacks,
and if it is a command learners should see, add its name to `MENU` and "menu.<name>" to both
catalogues in bot/texts/.
"""
from __future__ import annotations

import logging

from telegram import BotCommand, Update
from telegram.constants import ParseMode
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    MessageHandler,
    PollAnswerHandler,
    filters,
)

from bot.handlers import errors, fallback, groups, level, level_check, settings, start
from bot.handlers import help as help_  # not to shadow the builtin
from bot.handlers import progress, quiz
from bot.handlers import articles, reading
from bot.handlers import export, pronunciation
from bot import keyboards, voice
from bot.callback_data import pattern
from bot.clock import Clock
from bot.handlers import classes
from bot.handlers import library, word_lists
from bot.handlers import assignments
from bot import assignment_jobs
from bot.handlers import reports
from bot.handlers import review
from bot.handlers import reminder_settings
from bot import daily_reminders
from bot.handlers.common import CLOCK, STORE
from bot.settings import Settings
from bot.store import Store
from bot.texts import DEFAULT_LANGUAGE, LANGUAGES, text
from bot.transport import BotApiRequest, RetryingRequest
from bot.update_order import LearnerOrder

_log = logging.getLogger(__name__)

#: The command menu, in the order Telegram shows it; each needs "menu.<name>" in every catalogue.
MENU = ("start", "read", "words", "quiz", "review", "progress", "export", "settings", "help")

#: Seconds; generous enough for a slow phone network on the server's side, short enough to notice.
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 10.0
WRITE_TIMEOUT = 10.0
MEDIA_WRITE_TIMEOUT = 30.0  # uploading a document or a chart
POOL_TIMEOUT = 5.0
#: Connections to the Bot API shared by every handler. Telegram takes about 30 messages a second from
#: one bot, so eight calls in flight at ~100 ms each are already more than it accepts: a larger
#: pool would only hold more idle connections (bot/transport.py).
BOT_API_CONNECTIONS = 8
#: Connections for getUpdates: one long poll at a time, plus one spare for the last call PTB makes
#: at shutdown to confirm the updates it took, which would otherwise wait (POOL_TIMEOUT, then an
#: error) when the cancelled long poll has not given its connection back yet.
GET_UPDATES_CONNECTIONS = 2
#: How long one getUpdates call waits on the server for an update (long polling).
LONG_POLL_SECONDS = 10

#: Every kind of update, so that poll answers and button presses arrive too.
ALLOWED_UPDATES = Update.ALL_TYPES


def handlers() -> list[BaseHandler]:
    """Every handler, in the order PTB tries them: the first that matches an update takes it."""
    return [
        # -- start, level check, settings, groups --
        CommandHandler(groups.LEARNER_COMMANDS, groups.point_to_private, filters=filters.ChatType.GROUPS),
        CommandHandler("start", start.start),
        CommandHandler("help", help_.show_help),
        CommandHandler("settings", settings.show_settings),
        CallbackQueryHandler(level.choose_level, pattern=pattern(level.VERB)),
        CallbackQueryHandler(level_check.answer_word, pattern=pattern(level_check.VERB)),
        CallbackQueryHandler(settings.change_setting, pattern=pattern(settings.VERB)),
        MessageHandler(filters.StatusUpdate.MIGRATE, groups.follow_migration),
        # -- articles and reading --
        CommandHandler("read", reading.resume, filters=filters.ChatType.PRIVATE),
        CommandHandler("words", reading.list_words, filters=filters.ChatType.PRIVATE),
        CallbackQueryHandler(reading.show_part, pattern=pattern(keyboards.READ)),
        CallbackQueryHandler(reading.show_words_of_part, pattern=pattern(keyboards.WORDS)),
        CallbackQueryHandler(reading.mark_word, pattern=pattern(keyboards.KNOW)),
        MessageHandler(filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE & filters.Document.ALL, articles.bring_file),
        MessageHandler(filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND,
                       articles.bring_text),
        # -- quiz and progress --
        CommandHandler("quiz", quiz.quiz_command),
        CallbackQueryHandler(quiz.quiz_button, pattern=quiz.QUIZ_BUTTONS),
        PollAnswerHandler(quiz.poll_answer),
        CommandHandler("progress", progress.show_progress),
        # -- tutors: classes --
        CommandHandler("newclass", classes.new_class),
        CommandHandler("invite", classes.renew_invite),
        CommandHandler("classes", classes.list_classes),
        CommandHandler("join", classes.join),
        CommandHandler("leave", classes.leave),
        CommandHandler("linkgroup", classes.link_group),
        CallbackQueryHandler(classes.on_button, pattern=classes.BUTTONS),
        # -- tutors: library and word lists --
        CommandHandler("add", library.add),
        CommandHandler("library", library.show_library),
        CommandHandler("wordlist", word_lists.show_word_list),
        CommandHandler("addword", word_lists.add_word),
        CommandHandler("removeword", word_lists.remove_word),
        CommandHandler("gloss", word_lists.gloss_word),
        CallbackQueryHandler(library.on_button, pattern=library.BUTTONS),
        CallbackQueryHandler(word_lists.on_button, pattern=word_lists.BUTTONS),
        # -- tutors: assignments, reminders before due dates, finish notices --
        CommandHandler("assign", assignments.assign),
        CommandHandler("digest", assignments.digest),
        CallbackQueryHandler(assignments.on_button, pattern=assignments.BUTTONS),
        # -- tutors: reports --
        CommandHandler("report", reports.report),
        CallbackQueryHandler(reports.on_button, pattern=reports.BUTTONS),
        # -- reviews (FSRS) --
        CommandHandler("review", review.review_command, filters=filters.ChatType.PRIVATE),
        CallbackQueryHandler(review.on_button, pattern=review.BUTTONS),
        # -- daily reminders, goals, time zones --
        CallbackQueryHandler(reminder_settings.change_reminder, pattern=pattern(reminder_settings.VERB)),
        # -- pronunciation and export --
        CallbackQueryHandler(pronunciation.send_pronunciation, pattern=pattern(keyboards.PRONOUNCE)),
        CommandHandler("export", export.export_words),
        # Learner and tutor features go here, above the fallbacks.
        CallbackQueryHandler(fallback.stale_button),  # a button no handler above knows
        MessageHandler(filters.COMMAND, fallback.unknown_command),
        MessageHandler(filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE, fallback.chatter),
    ]


#: PTB handler group tried before `handlers()`: a handler there takes an update by raising
#: ApplicationHandlerStop, or returns and lets `handlers()` see it.
EARLY = -1


def early_handlers() -> list[BaseHandler]:
    """Handlers that look at an update before `handlers()` do (group EARLY)."""
    return [
        # a typed quiz answer ("munitions") is taken here; any other text goes on to the articles
        MessageHandler(filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND,
                       quiz.typed_answer),
        # the answer to a review poll is taken here; any other poll answer goes on to the quiz
        PollAnswerHandler(review.poll_answer),
    ]


#: PTB handler group tried before EARLY: the time or time zone /settings asked a learner to type
#: is taken there (ApplicationHandlerStop), so it is neither a typed quiz answer nor an article.
SETTINGS_ANSWERS = EARLY - 1


def settings_answers() -> list[BaseHandler]:
    """Handlers of group SETTINGS_ANSWERS."""
    return [MessageHandler(filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE & filters.TEXT,
                           reminder_settings.typed_reply)]


#: PTB handler group tried first of all: the due date "Type a date" (/assign) asked a tutor to type
#: is taken there, so it is not taken for an article sent after /add, a time or a quiz answer.
DUE_DATE_ANSWERS = library.ADDING - 1


def due_date_answers() -> list[BaseHandler]:
    """Handlers of group DUE_DATE_ANSWERS."""
    return [MessageHandler(filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE & filters.TEXT,
                           assignments.typed_due_date)]


async def set_command_menu(app: Application) -> None:
    """Publish the command menu: English for everyone, and each other language for its speakers."""
    for lang in LANGUAGES:
        commands = [BotCommand(name, text(lang, f"menu.{name}")) for name in MENU]
        await app.bot.set_my_commands(commands, language_code=None if lang == DEFAULT_LANGUAGE else lang)


async def close_store(app: Application) -> None:
    """Close the learners' open files at shutdown (every write is already on disk), and stop the
    chart-drawing process if one was started."""
    from bot.charts import close_drawing

    app.bot_data[STORE].close()
    close_drawing()


def build_application(settings: Settings, *, rate_limiter: bool | None = None) -> Application:
    """The bot, ready to be started; `rate_limiter=False` (or RATE_LIMITER=off) only for benchmarks."""
    use_limiter = settings.rate_limiter if rate_limiter is None else rate_limiter
    timeouts = dict(connect_timeout=CONNECT_TIMEOUT, read_timeout=READ_TIMEOUT, write_timeout=WRITE_TIMEOUT, pool_timeout=POOL_TIMEOUT)
    builder = (
        ApplicationBuilder()
        .token(settings.require_token())
        .base_url(settings.base_url)
        .base_file_url(settings.base_file_url)
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .request(RetryingRequest(media_write_timeout=MEDIA_WRITE_TIMEOUT, connection_pool_size=BOT_API_CONNECTIONS, **timeouts))
        .get_updates_request(BotApiRequest(connection_pool_size=GET_UPDATES_CONNECTIONS, **timeouts))
        .post_init(set_command_menu)
        .concurrent_updates(LearnerOrder())  # learners side by side, each one's updates in order
    )
    if use_limiter:
        builder = builder.rate_limiter(AIORateLimiter(max_retries=3))
    app = builder.post_shutdown(close_store).build()
    app.bot_data[STORE] = Store.open(settings.data_dir)
    app.bot_data[CLOCK] = Clock(settings.clock_file)
    app.bot_data[voice.SPEAKER] = settings.espeak_ng
    app.add_handlers(due_date_answers(), group=DUE_DATE_ANSWERS)
    app.add_handlers(library.adding_handlers(), group=library.ADDING)  # the article sent after /add
    app.add_handlers(settings_answers(), group=SETTINGS_ANSWERS)
    app.add_handlers(early_handlers(), group=EARLY)
    app.add_handlers(handlers())
    app.add_error_handler(errors.on_error)
    assignment_jobs.schedule(app, settings.job_tick_seconds)  # reminders before due dates, tutors' digests
    daily_reminders.start(app, settings)  # each learner's daily reminder at their local time
    return app
