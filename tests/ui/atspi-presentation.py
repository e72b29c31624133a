#!/usr/bin/python3
# The presentation as a screen reader meets it, read over AT-SPI: the slide has the
# focus, says which slide it is and what it shows, and says so again when it moves.
#
# Usage (under Xvfb and a D-Bus session, as meson runs it):
#   atspi-presentation.py BURNRATE-WINDOW SCHEMA-DIR
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import subprocess
import sys
import time

try:
    import gi
    gi.require_version('Atspi', '2.0')
    from gi.repository import Atspi
except (ImportError, ValueError):
    print('python3-gi with Atspi 2.0 (gir1.2-atspi-2.0) is not installed')
    sys.exit(77)


def walk(node, depth=0):
    if node is None or depth > 40:
        return
    yield node
    for i in range(node.get_child_count()):
        yield from walk(node.get_child_at_index(i), depth + 1)


def wait_for(what, find, seconds=20):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        found = find()
        if found is not None:
            return found
        time.sleep(0.1)
    sys.exit('not found: ' + what)


def application():
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is not None and app.get_name() == 'burnrate-window':
            return app
    return None


def slide(app):
    for node in walk(app):
        if node.get_role() == Atspi.Role.IMAGE and re.match(r'.* \d+ .* \d+', node.get_name() or ''):
            if node.get_state_set().contains(Atspi.StateType.FOCUSED):
                return node
    return None


def main():
    env = dict(os.environ, GSETTINGS_BACKEND='memory', GSETTINGS_SCHEMA_DIR=sys.argv[2])
    env.pop('GTK_A11Y', None)
    env.pop('NO_AT_BRIDGE', None)
    window = subprocess.Popen([sys.argv[1]], env=env)
    try:
        app = wait_for('the application', application)
        present = wait_for('the Present button', lambda: next(
            (n for n in walk(app) if n.get_role() == Atspi.Role.PUSH_BUTTON and
             n.get_name() == 'Present'), None))
        present.do_action(0)

        first = wait_for('a focused slide', lambda: slide(app))
        name, description = first.get_name(), first.get_description()
        print('slide:', name, '|', description[:80])
        assert re.match(r'^Slide 2 of \d+: \S', name), name
        assert len(description) > 40, description

        # Right, as the keyboard sends it
        Atspi.generate_keyboard_event(0xff53, None, Atspi.KeySynthType.SYM)
        moved = wait_for('the next slide', lambda: (lambda s: s if s is not None and
                         s.get_name() != name else None)(slide(app)))
        print('after Right:', moved.get_name(), '|', moved.get_description()[:80])
        assert re.match(r'^Slide 3 of \d+: \S', moved.get_name()), moved.get_name()
        assert moved.get_description() != description
        print('ok')
    finally:
        window.terminate()
        window.wait()


main()
