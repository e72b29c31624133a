#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The window as a screen reader sees it and as the keyboard drives it.

Starts burnrate-window under a session bus (run it with dbus-run-session inside
xvfb-run), reads its accessible tree through AT-SPI and types at it through the X
server. Prints TAP. Needs python3-gi and gir1.2-atspi-2.0; skips without a display.

Usage: test-a11y.py BURNRATE-WINDOW SRCDIR
"""

import os
import re
import subprocess
import sys
import tempfile
import time

PROGRAM, SRCDIR = sys.argv[1], sys.argv[2]
results = []


def tap_plan_and_exit(skip_reason=None):
    print(f"1..{max(len(results), 1)}")
    if skip_reason:
        print(f"ok 1 # SKIP {skip_reason}")
        sys.exit(0)
    for i, (ok, name, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {name}")
        if not ok and detail:
            for line in str(detail).splitlines():
                print(f"# {line}")
    sys.exit(0 if all(r[0] for r in results) else 1)


if not os.environ.get("DISPLAY"):
    tap_plan_and_exit("no display: run under xvfb-run -a")
try:
    import gi
    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi, GLib
except (ImportError, ValueError) as error:
    tap_plan_and_exit(f"no AT-SPI for Python ({error}): install gir1.2-atspi-2.0")


def check(name, ok, detail=None):
    results.append((bool(ok), name, detail))


# Accessible tree

def walk(node):
    yield node
    for i in range(node.get_child_count()):
        child = node.get_child_at_index(i)
        if child is not None:
            yield from walk(child)


def find_all(root, role=None, name=None, pred=None):
    found = []
    for node in walk(root):
        try:
            if role and node.get_role_name() != role:
                continue
            if name is not None and not re.search(name, node.get_name() or ""):
                continue
            if pred and not pred(node):
                continue
        except Exception:
            continue
        found.append(node)
    return found


def wait_for(what, timeout=10.0):
    end = time.time() + timeout
    while True:
        value = what()
        if value or time.time() > end:
            return value
        time.sleep(0.1)


def has_state(node, state):
    return node.get_state_set().contains(state)


def is_on(node):
    return has_state(node, Atspi.StateType.CHECKED) or has_state(node, Atspi.StateType.PRESSED)


# the object that last took the focus, as a screen reader hears of it
focus = {"node": None}


def focus_cb(event):
    if event.detail1 == 1:
        focus["node"] = event.source


def pump(seconds):
    context = GLib.MainContext.default()
    end = time.time() + seconds
    while time.time() < end:
        while context.pending():
            context.iteration(False)
        time.sleep(0.02)


def focused(root):
    pump(0.05)
    return focus["node"]


listener = Atspi.EventListener.new(focus_cb)
listener.register("object:state-changed:focused")


# Keyboard, through the X server as a user's keys come

MODS = {"ctrl": 1 << 2, "shift": 1 << 0}


def key(name, *mods):
    mask = 0
    for mod in mods:
        mask |= MODS[mod]
    keysym = KEYSYMS.get(name, ord(name) if len(name) == 1 else None)
    if mask:
        Atspi.generate_keyboard_event(mask, None, Atspi.KeySynthType.LOCKMODIFIERS)
    Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)
    if mask:
        Atspi.generate_keyboard_event(mask, None, Atspi.KeySynthType.UNLOCKMODIFIERS)
    pump(0.2)


KEYSYMS = {"Tab": 0xff09, "Return": 0xff0d, "Escape": 0xff1b, "Right": 0xff53, "Left": 0xff51,
           "Down": 0xff54, "Up": 0xff52, "Home": 0xff50, "End": 0xff57, "F10": 0xffc7,
           "space": 0x20, "2": 0x32, "3": 0x33, "t": 0x74, "c": 0x63}


# The program

class App:
    def __init__(self, args=(), env=None, unset=()):
        self.home = tempfile.mkdtemp(prefix="burnrate-a11y-")
        full = dict(os.environ)
        full.update(XDG_CONFIG_HOME=os.path.join(self.home, "config"),
                    XDG_DATA_HOME=os.path.join(self.home, "data"),
                    XDG_CACHE_HOME=os.path.join(self.home, "cache"),
                    GSETTINGS_BACKEND="keyfile")
        full.pop("NO_AT_BRIDGE", None)
        full.pop("GTK_A11Y", None)
        full.update(env or {})
        for name in unset:
            full.pop(name, None)
        self.keyfile = os.path.join(self.home, "config", "glib-2.0", "settings", "keyfile")
        self.proc = subprocess.Popen([PROGRAM, *args], env=full)
        self.root = wait_for(self._find, 30)
        if self.root is None:
            raise RuntimeError("the window did not appear on the accessibility bus")
        # the first chart drawn: the frame is up
        wait_for(lambda: self.chart(), 15)
        # keys go to the window under the pointer: there is no window manager
        frame = find_all(self.root, role="frame")[0]
        extents = frame.get_extents(Atspi.CoordType.SCREEN)
        Atspi.generate_mouse_event(extents.x + extents.width // 2, extents.y + 10, "abs")
        time.sleep(0.3)

    def _find(self):
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            try:
                if app is not None and app.get_process_id() == self.proc.pid \
                        and app.get_child_count() > 0:
                    return app
            except Exception:
                pass
        return None

    def chart(self, title=None):
        """the chart on screen: an image whose name is its drawn title"""
        charts = find_all(self.root, role="image",
                          pred=lambda n: len(n.get_description() or "") > 40
                          and has_state(n, Atspi.StateType.VISIBLE))
        charts = [c for c in charts if title is None or re.search(title, c.get_name())]
        return charts[0] if charts else None

    def close(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def names_read_once(root):
    doubled = []
    for node in walk(root):
        try:
            name = node.get_name() or ""
        except Exception:
            continue
        words = name.split(" ")
        half = len(words) // 2
        if name == "BrChartView" or re.match(r"^_\w", name) \
                or (len(words) % 2 == 0 and half > 0 and words[:half] == words[half:]) \
                or re.match(r"^(.+) \1$", name) or re.match(r"^(.+), .* \1$", name):
            doubled.append(f"{node.get_role_name()}: {name!r}")
    return doubled


def test_launch_error_and_names():
    broken = os.path.join(tempfile.mkdtemp(prefix="burnrate-a11y-"), "broken.json")
    with open(broken, "w") as f:
        f.write('{"format": "burnrate-dataset", "version": 1, "title": 5}\n')
    app = App([broken])
    try:
        banner = wait_for(lambda: find_all(app.root, role="label", name="“broken.json”"))
        text = banner[0].get_name() if banner else ""
        check("a dataset that fails at launch names its problems in the banner",
              re.search(r"broken\.json:1:\d+: \$: missing member", text), text)
        check("the bundled data is shown meanwhile", app.chart() is not None)
        check("every accessible name is said once, none is a type name",
              not names_read_once(app.root), "\n".join(names_read_once(app.root)))
        hidden_charts = find_all(app.root, role="image", name="^BrChartView$")
        check("charts not yet drawn are named by their chart", not hidden_charts)
        check("no settings are written at start-up", not os.path.exists(app.keyfile),
              open(app.keyfile).read() if os.path.exists(app.keyfile) else None)
    finally:
        app.close()


def test_keyboard():
    app = App()
    try:
        # Tab to the chart
        chart = app.chart()
        for _ in range(60):
            if has_state(chart, Atspi.StateType.FOCUSED):
                break
            key("Tab")
        check("Tab reaches the chart", chart is not None and has_state(chart, Atspi.StateType.FOCUSED))

        # 5: the next chart keeps the focus, and the arrows walk its marks
        key("2", "ctrl")
        now = focused(app.root)
        check("after Ctrl+2 the new chart has the focus",
              now is not None and now.get_role_name() == "image" and "R&D" in now.get_name(),
              now and f"{now.get_role_name()}: {now.get_name()}")
        before = now.get_description() if now else ""
        key("Right")
        after = focused(app.root)
        check("the arrow keys walk the new chart's marks",
              after is not None and after.get_description() != before)

        # 8: the legend entries take the focus and the space bar toggles their series
        key("Escape")
        key("Tab")
        entry = focused(app.root)
        check("Tab from the chart reaches its first legend entry",
              entry is not None and entry.get_role_name() in ("toggle button", "push button")
              and entry.get_name() and is_on(entry),
              entry and f"{entry.get_role_name()}: {entry.get_name()}")
        name = entry.get_name() if entry else ""
        key("space")
        check("the space bar hides the entry's series, and says so",
              entry is not None and entry.get_name() == name and not is_on(entry))
        key("space")
        check("the space bar shows it again", entry is not None and is_on(entry))

        # 6: a toast is announced
        key("c", "ctrl", "shift")
        alert = wait_for(lambda: find_all(app.root, name="CSV",
                                          pred=lambda n: n.get_role_name() in
                                          ("notification", "alert")))
        check("the toast “Table copied as CSV” is announced as an alert", alert,
              [f"{n.get_role_name()}: {n.get_name()}" for n in find_all(app.root, name="CSV")])

        # 3: after a menu item, the keyboard still works
        key("F10")
        wait_for(lambda: find_all(app.root, name="^Dark$"), 3)
        for _ in range(40):
            now = focused(app.root)
            if now is not None and now.get_name() == "Dark":
                break
            key("Down")
        key("Return")
        time.sleep(0.5)
        key("3", "ctrl")
        chart = wait_for(lambda: app.chart("customer|Customer"), 3)
        check("after choosing Style ▸ Dark from the menu, Ctrl+3 still switches charts",
              chart is not None)
    finally:
        app.close()


def test_table():
    app = App()
    try:
        key("t", "ctrl")
        table = wait_for(lambda: find_all(app.root, name="Figures behind the chart"), 5)[0]
        titles = [n.get_name() for n in find_all(table, name="^(Company|Value|Source)$",
                                                  pred=lambda n: n.get_role_name() != "label")]
        check("the table's column titles are named by their column",
              titles[:3] == ["Company", "Value", "Source"], titles)
        rows = find_all(table, role="table row")
        names = [r.get_name() for r in rows[1:4]]
        check("each row says what it holds, once",
              names and all(re.match(r"^[^,]+, [^,]+, [^,]+, [−\d-]", n) for n in names), names)
        cells = find_all(table, role="label", pred=lambda n: "http" in (n.get_description() or ""))
        check("the source's address is one column's, not every cell's",
              0 < len(cells) <= len(rows), f"{len(cells)} cells for {len(rows)} rows")

        def first_value():
            row = find_all(table, role="table row")[1]
            return float(re.search(r"(−?[\d.]+) ", row.get_name()).group(1).replace("−", "-"))

        def sort_by(title):
            button = find_all(app.root, role="toggle button", name="^Sort$") \
                or find_all(app.root, role="push button", name="^Sort$")
            button[0].get_action_iface().do_action(0)
            item = wait_for(lambda: find_all(app.root, name=f"^{title}$",
                                             pred=lambda n: "menu item" in n.get_role_name()), 3)
            item[0].get_action_iface().do_action(0)
            pump(0.5)

        sort_by("Value")
        ascending = first_value()
        sort_by("Value")
        descending = first_value()
        check("the table sorts by a column from the menu, and back the other way",
              ascending < descending, (ascending, descending))
    finally:
        app.close()


def test_language():
    app = App(env={"LANGUAGE": "zh_CN"}, unset=("LANG", "LC_ALL", "LC_MESSAGES"))
    try:
        menu = find_all(app.root, role="push button", pred=lambda n: "F9" in n.get_description())
        name = menu[0].get_name() if menu else None
        check("LANGUAGE=zh_CN alone gives a Chinese window", name and name != "Show Controls"
              and re.search(r"[\u4e00-\u9fff]", name), name)
    finally:
        app.close()


for test in (test_launch_error_and_names, test_keyboard, test_table, test_language):
    try:
        test()
    except Exception as error:  # a test that cannot run fails, with its reason
        check(test.__name__, False, repr(error))

tap_plan_and_exit()
