# SPDX-License-Identifier: GPL-3.0-or-later
"""The AT-SPI harness the window's accessibility tests share.

Starts burnrate-window with its accessibility bridge, in a scratch home; finds nodes in
its accessible tree; waits for them; types at it through the X server as a user's keys
come; and prints the cases' results as TAP. Run the tests under dbus-run-session inside
xvfb-run. Needs python3-gi and gir1.2-atspi-2.0; skips without a display or without them.
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
    """the plan, last: each result was printed as it came (check())"""
    if skip_reason:
        print("1..1")
        print(f"ok 1 # SKIP {skip_reason}")
        sys.exit(0)
    print(f"1..{len(results)}", flush=True)
    sys.exit(0 if results and all(r[0] for r in results) else 1)


if not os.environ.get("DISPLAY"):
    tap_plan_and_exit("no display: run under xvfb-run -a")
try:
    import gi
    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi, GLib
except (ImportError, ValueError) as error:
    tap_plan_and_exit(f"no AT-SPI for Python ({error}): install gir1.2-atspi-2.0")


def check(name, ok, detail=None):
    """records a result and prints it at once, so a run cut short still shows how far
    it came"""
    results.append((bool(ok), name, detail))
    print(f"{'ok' if ok else 'not ok'} {len(results)} - {name}")
    if not ok and detail:
        for line in str(detail).splitlines():
            print(f"# {line}")
    sys.stdout.flush()


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




def run(cases):
    """Runs each case (those named in $A11Y_CASES, when it is set); one that cannot run
    fails, with its reason. Prints TAP."""
    only = os.environ.get("A11Y_CASES", "").split()
    for case in cases:
        if only and case.__name__ not in only:
            continue
        try:
            case()
        except Exception as error:
            check(case.__name__, False, repr(error))
    tap_plan_and_exit()
