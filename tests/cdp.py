"""A minimal Chrome DevTools Protocol client over ``--remote-debugging-pipe`` (no websocket,
no dependency): the system Chromium, headless, for tests that look at pages as users do.

Messages are JSON objects separated by NUL bytes; the browser reads commands on its fd 3 and
writes replies and events on its fd 4.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


class Browser:
    def __init__(self, process: subprocess.Popen[bytes], to_browser: int, from_browser: int):
        self.process = process
        self._out = to_browser
        self._in = from_browser
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        self.session = ""

    def _send(self, method: str, params: dict[str, Any] | None, session: str) -> int:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        return self._next_id

    def _read(self, timeout: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("no message from the browser")
            import select

            ready, _, _ = select.select([self._in], [], [], max(deadline - time.monotonic(), 0))
            if ready:
                chunk = os.read(self._in, 1 << 20)
                if not chunk:
                    raise ConnectionError("the browser closed its pipe")
                self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\0")
        message: dict[str, Any] = json.loads(raw)
        return message

    def call(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        *,
        browser: bool = False,
        timeout: float = 30.0,
    ) -> dict[str, Any]:
        """Send one command (to the page's session unless ``browser``) and wait for its reply."""
        number = self._send(method, params, "" if browser else self.session)
        while True:
            message = self._read(timeout)
            if message.get("id") == number:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result
            if "method" in message:
                self.events.append(message)

    def wait_event(self, method: str, timeout: float = 30.0) -> dict[str, Any]:
        for index, event in enumerate(self.events):
            if event["method"] == method:
                return self.events.pop(index)
        deadline = time.monotonic() + timeout
        while True:
            message = self._read(max(deadline - time.monotonic(), 0.01))
            if message.get("method") == method:
                return message
            if "method" in message:
                self.events.append(message)

    def open_page(self, width: int = 1400, height: int = 1000) -> None:
        target = self.call("Target.createTarget", {"url": "about:blank"}, browser=True)
        attached = self.call(
            "Target.attachToTarget",
            {"targetId": target["targetId"], "flatten": True},
            browser=True,
        )
        self.session = attached["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable")
        self.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )

    def navigate(self, url: str, timeout: float = 30.0) -> float:
        """Load ``url``; seconds until its load event."""
        self.events = [e for e in self.events if e["method"] != "Page.loadEventFired"]
        start = time.monotonic()
        self.call("Page.navigate", {"url": url})
        self.wait_event("Page.loadEventFired", timeout)
        return time.monotonic() - start

    def evaluate(self, expression: str) -> Any:
        reply = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in reply:
            raise RuntimeError(f"{expression}: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def press(self, key: str) -> None:
        """A key typed by the user: a letter, or a named key such as Escape or Backspace."""
        named = {"Escape": 27, "Backspace": 8, "Enter": 13}
        for kind in ("keyDown", "keyUp"):
            params: dict[str, Any] = {"type": kind, "key": key}
            if key in named:
                params.update(code=key, windowsVirtualKeyCode=named[key])
            else:
                params.update(code=f"Key{key.upper()}", text=key if kind == "keyDown" else "")
            self.call("Input.dispatchKeyEvent", params)

    def type_text(self, text: str) -> None:
        self.call("Input.insertText", {"text": text})

    def screenshot(self, path: Path, full_page: bool = False) -> Path:
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            params["captureBeyondViewport"] = True
        reply = self.call("Page.captureScreenshot", params)
        path.write_bytes(base64.b64decode(reply["data"]))
        return path

    def drain(self, seconds: float = 0.2) -> None:
        """Collect the events that arrive within ``seconds``."""
        deadline = time.monotonic() + seconds
        while True:
            try:
                message = self._read(max(deadline - time.monotonic(), 0.01))
            except TimeoutError:
                return
            if "method" in message:
                self.events.append(message)

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and error log entries (CSP violations…)."""
        self.drain()
        found: list[str] = []
        for event in self.events:
            params = event.get("params", {})
            if event["method"] == "Runtime.exceptionThrown":
                found.append(json.dumps(params.get("exceptionDetails", {}))[:500])
            elif event["method"] == "Runtime.consoleAPICalled" and params.get("type") == "error":
                found.append(json.dumps(params.get("args", []))[:500])
            elif event["method"] == "Log.entryAdded" and params["entry"]["level"] == "error":
                found.append(params["entry"].get("text", "")[:500])
        return found

    def dialogs(self) -> list[dict[str, Any]]:
        self.drain()
        return [e for e in self.events if e["method"] == "Page.javascriptDialogOpening"]


@contextmanager
def launch(executable: str) -> Iterator[Browser]:
    """A headless browser with a throw-away profile; killed at the end."""
    profile = tempfile.mkdtemp(prefix="review-chromium-")
    commands_read, commands_write = os.pipe()
    replies_read, replies_write = os.pipe()

    def _pipes() -> None:  # in the child, before exec: fd 3 reads commands, fd 4 replies
        # Through fresh copies: dup2 onto itself would keep the close-on-exec flag.
        reader, writer = os.dup(commands_read), os.dup(replies_write)
        os.dup2(reader, 3)
        os.dup2(writer, 4)

    args = [
        executable,
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--mute-audio",
        f"--user-data-dir={profile}",
        "--remote-debugging-pipe",
        "about:blank",
    ]
    process = subprocess.Popen(
        args,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=_pipes,
        close_fds=False,
    )
    os.close(commands_read)
    os.close(replies_write)
    browser = Browser(process, commands_write, replies_read)
    try:
        yield browser
    finally:
        os.close(commands_write)
        os.close(replies_read)
        process.kill()
        process.wait(timeout=30)
        shutil.rmtree(profile, ignore_errors=True)
