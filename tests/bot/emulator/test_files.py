"""Files both ways: the bot's uploads (sendDocument/Photo/Voice), user uploads, getFile and download."""
from __future__ import annotations

import pytest
from telegram import InputFile
from telegram.error import BadRequest

from bot.sandbox.samples import ogg, png


async def test_a_document_upload_can_be_fetched_back(bot, emu, alice):
    sent = await bot.send_document(alice.id, InputFile(b"word,gloss\n", filename="words.csv"),
                                   caption="Your report")
    document = sent.document
    assert (document.file_name, document.file_size) == ("words.csv", 11)
    assert document.mime_type == "text/csv"
    telegram_file = await bot.get_file(document.file_id)
    assert telegram_file.file_path.startswith(emu.base_file_url)
    assert bytes(await telegram_file.download_as_bytearray()) == b"word,gloss\n"
    [shown] = emu.wait_for_messages(alice)
    assert shown.document["file_name"] == "words.csv" and shown.text == "Your report"
    assert emu.download(shown.document["file_id"]) == b"word,gloss\n"


async def test_a_file_id_can_be_sent_again(bot, alice):
    first = await bot.send_document(alice.id, InputFile(b"abc", filename="a.txt"))
    again = await bot.send_document(alice.id, first.document.file_id)
    assert again.document.file_unique_id == first.document.file_unique_id


async def test_a_photo_reports_its_size(bot, emu, alice):
    sent = await bot.send_photo(alice.id, png(64, 32), caption="Your words this week")
    assert (sent.photo[-1].width, sent.photo[-1].height) == (64, 32)
    [shown] = emu.wait_for_messages(alice)
    assert shown.kind == "photo" and emu.download(shown.photo["file_id"]).startswith(b"\x89PNG")


@pytest.mark.parametrize(
    "data, description",
    [(b"not an image", "Bad Request: IMAGE_PROCESS_FAILED"),
     (png(9000, 1001), "Bad Request: PHOTO_INVALID_DIMENSIONS"),
     (png(2100, 100), "Bad Request: PHOTO_INVALID_DIMENSIONS")],
    ids=["not-an-image", "too-big", "too-thin"],
)
async def test_photos_telegram_cannot_process(bot, emu, alice, data, description):
    with pytest.raises(BadRequest):
        await bot.send_photo(alice.id, data)
    assert emu.refusals[-1].description == description


async def test_a_voice_note_knows_its_duration(bot, emu, alice):
    sent = await bot.send_voice(alice.id, InputFile(ogg(3.0), filename="word.ogg"))
    assert sent.voice.to_dict()["duration"] == 3
    [shown] = emu.wait_for_messages(alice)
    assert shown.kind == "voice" and shown.voice["duration"] == 3


@pytest.mark.parametrize(
    "method, field, value, description",
    [
        ("sendDocument", "document", "no-such-file-id", "Bad Request: wrong file identifier/HTTP URL specified"),
        ("sendDocument", "document", None, "Bad Request: there is no document in the request"),
        ("getFile", "file_id", "no-such-file-id", "Bad Request: invalid file_id"),
    ],
)
def test_unknown_files_are_refused(api, alice, method, field, value, description):
    params = {"chat_id": alice.id} if method != "getFile" else {}
    if value is not None:
        params[field] = value
    assert api.refused(method, **params) == description


async def test_a_photo_file_id_is_not_a_document(bot, emu, alice):
    photo = await bot.send_photo(alice.id, png(10, 10))
    with pytest.raises(BadRequest):
        await bot.send_document(alice.id, photo.photo[-1].file_id)
    assert emu.refusals[-1].description == "Bad Request: can't use file of type Photo as Document"


def test_an_empty_upload_is_refused(api, alice):
    status, body = api.form("sendDocument", files={"document": ("empty.txt", b"")},
                            chat_id=str(alice.id))
    assert (status, body["description"]) == (400, "Bad Request: file must be non-empty")


async def test_a_users_upload_reaches_the_bot_and_downloads(bot, emu, alice):
    text = "Officials said the munitions were delivered.".encode()
    emu.send_document(alice, "article.txt", text, caption="please read")
    updates = await bot.get_updates(timeout=5)
    document = updates[-1].message.document
    assert (document.file_name, document.mime_type, document.file_size) == ("article.txt", "text/plain", len(text))
    assert updates[-1].message.caption == "please read"
    downloaded = await (await bot.get_file(document.file_id)).download_as_bytearray()
    assert bytes(downloaded) == text


async def test_users_send_photos_and_voice(bot, emu, alice):
    emu.send_photo(alice, png(20, 10))
    emu.send_voice(alice, ogg(2.0))
    *_, photo, voice = await bot.get_updates(timeout=5)
    assert (photo.message.photo[-1].width, photo.message.photo[-1].height) == (20, 10)
    assert voice.message.voice.to_dict()["duration"] == 2
    with pytest.raises(ValueError):
        emu.send_photo(alice, b"not an image")


def test_an_unknown_file_path_is_not_found(api, emu):
    response = api.client.get(f"{emu.base_file_url}{emu.token}/documents/none.txt")
    assert response.status_code == 404
