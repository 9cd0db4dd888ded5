"""Classes: /newclass, /invite, /classes, /join (and invite deep links), /leave, /linkgroup, "cl" buttons.

Every command and button asks the core's rules (lessons/classes.py) again with what the store holds
now: a button or an invite code names a class, it never proves a right to it. A refused button
gets the same answer whether its class exists or not, so nothing about other classes leaks.
"""
from __future__ import annotations

import secrets

from telegram import Update
from telegram.ext import ContextTypes

from bot.callback_data import BadCallbackData, pattern, unpack
from bot.handlers.class_views import (
    ACTIONS, INVITE, LEAVE, LINK, VERB, choose_keyboard, class_list, invite_message, join_button,
)
from bot.handlers.assignment_notices import send_open_assignments
from bot.handlers.common import in_private, language_of, learner_of, local_today, now, private_only, store_of
from bot.texts import text
from lessons import classes as rules
from lessons.classes import Class, ClassError

#: For CallbackQueryHandler(on_button, pattern=BUTTONS) in bot/app.py.
BUTTONS = pattern(VERB)

#: The numbers some refusals name ("keep it to 64 characters").
LIMITS = {
    "name_too_long": rules.CLASS_NAME_MAX,
    "too_many_classes": rules.MAX_CLASSES_PER_TUTOR,
    "class_full": rules.MAX_LEARNERS_PER_CLASS,
}


async def _reply(update: Update, message: str, **kwargs) -> None:
    await update.effective_message.reply_text(message, **kwargs)




def _refusal(lang: str, error: ClassError, name: str = "") -> str:
    return text(lang, f"tutor.error.{error.reason}", name=name, max=LIMITS.get(error.reason, ""))


async def _chosen(update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str, choices: tuple[Class, ...],
                  action: str) -> Class | None:
    """The class named in the command, or the only choice; else None, after asking with buttons."""
    wanted = " ".join(context.args or ())
    if wanted:
        found = rules.find_class(choices, wanted)
        if found is None:
            await _reply(update, text(lang, "tutor.unknown_class", name=wanted))
        return found
    if len(choices) == 1:
        return choices[0]
    await _reply(update, text(lang, f"tutor.choose.{action}"), reply_markup=choose_keyboard(choices, action))
    return None


async def new_class(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Create a class taught by the sender and show its invite link."""
    lang = language_of(update, context)
    if not await private_only(update, context, "newclass"):
        return
    tutor = learner_of(update, context)
    store = store_of(context)
    typed = " ".join(context.args or ())
    try:
        class_ = rules.new_class(typed, tutor.user_id, now(context), secrets, existing=store.classes.for_tutor(tutor.user_id))
    except ClassError as refused:
        await _reply(update, _refusal(lang, refused, name=typed))
        return
    store.classes.create(class_)
    body, keyboard = invite_message(lang, "newclass.done", class_, context.bot.username)
    await _reply(update, body, reply_markup=keyboard)


def _renewed(context: ContextTypes.DEFAULT_TYPE, class_: Class) -> Class:
    return store_of(context).classes.replace_invite(class_.class_id, rules.new_invite_code(secrets))


async def renew_invite(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Give one of the sender's classes a new invite link; the old link stops working."""
    lang = language_of(update, context)
    if not await private_only(update, context, "invite"):
        return
    mine = store_of(context).classes.for_tutor(update.effective_user.id)
    if not mine:
        await _reply(update, text(lang, "tutor.invite.none"))
        return
    class_ = await _chosen(update, context, lang, mine, INVITE)
    if class_ is not None:
        body, keyboard = invite_message(lang, "invite.done", _renewed(context, class_), context.bot.username)
        await _reply(update, body, reply_markup=keyboard)


async def list_classes(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the classes the sender teaches, with their sizes, and the classes they are in."""
    lang = language_of(update, context)
    if not await private_only(update, context, "classes"):
        return
    store, user_id = store_of(context), update.effective_user.id
    teaching, learning = store.classes.for_tutor(user_id), store.classes.for_learner(user_id)
    tutors = {c.tutor_id: store.learners.get(c.tutor_id) for c in learning}
    names = {tutor_id: tutor.name for tutor_id, tutor in tutors.items() if tutor is not None}
    await _reply(update, class_list(lang, teaching, learning, names))


async def join(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Join a class with the code of its invite link (the whole link works too)."""
    lang = language_of(update, context)
    if not await private_only(update, context, "join"):
        return
    if not context.args:
        await _reply(update, text(lang, "tutor.join.usage"))
        return
    await _join(update, context, context.args[0].rpartition("start=")[2])


async def join_with_code(update: Update, context: ContextTypes.DEFAULT_TYPE, code: str) -> bool:
    """Join the class of a /start deep-link payload; False (nothing said) if it is no invite code."""
    if not rules.is_invite_code(code):
        return False
    if in_private(update):
        await _join(update, context, code)
    else:
        await _reply(update, text(language_of(update, context), "tutor.private_only", command="/start"))
    return True


async def _join(update: Update, context: ContextTypes.DEFAULT_TYPE, code: str) -> None:
    learner = learner_of(update, context)
    lang = language_of(update, context)
    store = store_of(context)
    class_ = store.classes.by_invite_code(code)
    if class_ is None:
        await _reply(update, text(lang, "tutor.join.unknown"))
        return
    try:
        rules.joined(class_, learner.user_id)
    except ClassError as refused:
        await _reply(update, _refusal(lang, refused, name=class_.name))
        return
    class_ = store.classes.add_learner(class_.class_id, learner.user_id)
    tutor = store.learners.get(class_.tutor_id)
    await _reply(update, text(lang, "tutor.join.done", name=class_.name, tutor=tutor.name if tutor else ""))
    await send_open_assignments(context.bot, store, class_, learner.user_id, local_today(context, learner.user_id))


async def leave(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Leave a class the sender is a learner in."""
    lang = language_of(update, context)
    if not await private_only(update, context, "leave"):
        return
    mine = store_of(context).classes.for_learner(update.effective_user.id)
    if not mine:
        await _reply(update, text(lang, "tutor.leave.none"))
        return
    class_ = await _chosen(update, context, lang, mine, LEAVE)
    if class_ is not None:
        store_of(context).classes.remove_learner(class_.class_id, update.effective_user.id)
        await _reply(update, text(lang, "tutor.leave.done", name=class_.name))


def _linked(context: ContextTypes.DEFAULT_TYPE, class_: Class | None, user_id: int, chat_id: int, in_group: bool) -> Class:
    """Link the group to the class if the rules allow it (ClassError if not)."""
    store = store_of(context)
    rules.check_group_link(class_, user_id, in_group=in_group, linked_now=store.classes.class_for_group(chat_id))
    return store.classes.link_group(class_.class_id, chat_id)


async def link_group(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Link the group this is sent in to one of the sender's classes, to announce assignments there."""
    lang = language_of(update, context)
    user_id, chat = update.effective_user.id, update.effective_chat
    if in_private(update):
        await _reply(update, _refusal(lang, ClassError("not_in_group")))
        return
    mine = store_of(context).classes.for_tutor(user_id)
    if not mine:
        await _reply(update, _refusal(lang, ClassError("not_tutor")))
        return
    class_ = await _chosen(update, context, lang, mine, LINK)
    if class_ is None:
        return
    try:
        linked = _linked(context, class_, user_id, chat.id, in_group=True)
    except ClassError as refused:
        await _reply(update, _refusal(lang, refused))
        return
    await _reply(update, text(lang, "tutor.link.done", name=linked.name),
                 reply_markup=join_button(lang, linked, context.bot.username))


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Do what a class button says, if the person pressing it may."""
    query = update.callback_query
    lang = language_of(update, context)
    try:
        action, class_id = unpack(query.data, VERB, 2)
        if action not in ACTIONS:
            raise BadCallbackData(query.data)
    except BadCallbackData:
        await query.answer(text(lang, "button.expired"))
        return
    user_id = update.effective_user.id
    class_ = store_of(context).classes.get(class_id)
    allowed = rules.is_member(class_, user_id) if action == LEAVE else rules.can_manage(class_, user_id)
    if not allowed or (action != LINK) != in_private(update):
        await query.answer(text(lang, "tutor.button.refused"))
        return
    if action == LINK:
        try:
            class_ = _linked(context, class_, user_id, update.effective_chat.id, in_group=True)
        except ClassError as refused:
            await query.answer(_refusal(lang, refused))
            return
    await query.answer()
    if action == INVITE:
        body, keyboard = invite_message(lang, "invite.done", _renewed(context, class_), context.bot.username)
        await query.edit_message_text(body, reply_markup=keyboard)
    elif action == LEAVE:
        store_of(context).classes.remove_learner(class_.class_id, user_id)
        await query.edit_message_text(text(lang, "tutor.leave.done", name=class_.name))
    else:
        await query.edit_message_text(text(lang, "tutor.link.done", name=class_.name),
                                      reply_markup=join_button(lang, class_, context.bot.username))
