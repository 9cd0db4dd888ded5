"""The HTTP side: every way a client may send parameters, Telegram's envelope, case-insensitive
method names, and separate emulators side by side."""
from __future__ import annotations

import httpx
import pytest

from bot.sandbox import Emulator


def test_json_form_and_query_parameters_all_work(api, emu, alice):
    url = api.url("sendMessage")
    bodies = [
        httpx.post(url, json={"chat_id": alice.id, "text": "json"}),
        httpx.post(url, data={"chat_id": str(alice.id), "text": "form"}),
        httpx.post(url, files={"text": (None, "multipart")}, data={"chat_id": str(alice.id)}),
        httpx.get(url, params={"chat_id": alice.id, "text": "query"}),
    ]
    assert [b.json()["result"]["text"] for b in bodies] == ["json", "form", "multipart", "query"]
    assert [m.text for m in emu.messages(alice)] == ["json", "form", "multipart", "query"]


def test_objects_may_come_as_json_text_or_as_objects(api, emu, alice):
    markup = {"inline_keyboard": [[{"text": "Go", "callback_data": "go"}]]}
    api.form("sendMessage", chat_id=str(alice.id), text="as text", reply_markup=markup)
    api.ok("sendMessage", chat_id=alice.id, text="as object", reply_markup=markup)
    assert [m.buttons for m in emu.messages(alice)] == [[[("Go", "go")]]] * 2


def test_the_envelope(api, alice):
    status, body = api("getMe")
    assert status == 200 and set(body) == {"ok", "result"} and body["ok"] is True
    status, body = api("sendMessage", chat_id=alice.id)
    assert status == 400 and body == {"ok": False, "error_code": 400,
                                      "description": "Bad Request: message text is empty"}


def test_method_names_ignore_case(api, emu):
    assert api("GETME")[1]["result"]["username"] == emu.username
    assert [c.method for c in emu.calls()] == ["getMe"]


def test_malformed_json_is_a_bad_request(api, emu):
    response = httpx.post(api.url("sendMessage"), content=b"{not json",
                          headers={"content-type": "application/json"})
    assert response.status_code == 400


def test_calls_record_what_was_sent(api, emu, alice):
    api.form("sendMessage", chat_id=str(alice.id), text="hi")
    [call] = emu.calls("sendMessage")
    assert call.params == {"chat_id": str(alice.id), "text": "hi"}


def test_two_emulators_are_independent():
    with Emulator(token="111:A") as first, Emulator(token="222:B", username="OtherBot") as second:
        assert first.port != second.port
        alice = first.user(1, "Alice")
        first.send_text(alice, "/start")
        assert httpx.post(f"{second.base_url}111:A/getMe").status_code == 401
        me = httpx.post(f"{second.base_url}222:B/getMe").json()["result"]
        assert (me["id"], me["username"]) == (222, "OtherBot")
        assert (first.pending_updates(), second.pending_updates()) == (1, 0)


def test_any_token_can_be_accepted():
    with Emulator(accept_any_token=True) as emu:
        assert httpx.post(f"{emu.base_url}999:OTHER/getMe").json()["ok"]


def test_tokens_must_look_like_tokens():
    with pytest.raises(ValueError):
        Emulator(token="no-colon")


def test_stop_ends_a_waiting_long_poll_quickly():
    emu = Emulator().start()
    import threading
    results = []
    thread = threading.Thread(target=lambda: results.append(
        httpx.post(f"{emu.base_url}{emu.token}/getUpdates", json={"timeout": 30}, timeout=10)))
    thread.start()
    emu.wait_for_poll(5)
    emu.stop()
    thread.join(5)
    assert not thread.is_alive()
    assert results and results[0].json() == {"ok": True, "result": []}
