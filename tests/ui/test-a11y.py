#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The window as a screen reader sees it and as the keyboard drives it.

Each case starts burnrate-window through the shared harness (atspi_harness.py), reads
its accessible tree through AT-SPI and types at it through the X server. Prints TAP.

Usage: test-a11y.py BURNRATE-WINDOW SRCDIR
"""

import json
import os
import re
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_harness import (SRCDIR, App, Atspi, check, find_all, focused, has_state,  # noqa: E402
                           is_on, key, pump, run, wait_for, walk)


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

        # GTK 4.8 reports the column-header role as "filler" to AT-SPI; the headers
        # say what they are in their description
        headers = find_all(table, pred=lambda n: (n.get_description() or "")
                           .startswith("Column header"))
        check("the column titles are column headers, each named once",
              [h.get_name() for h in headers] == ["Company", "Series", "Period", "Value",
                                                  "Unit", "Status", "Source"],
              [f"{n.get_role_name()}: {n.get_name()}: {n.get_description()}"
               for n in find_all(table)][:30])
        value = [h for h in headers if h.get_name() == "Value"]
        check("the sorted column's header says which way it sorts",
              value and value[0].get_description() == "Column header, sorted descending",
              value and value[0].get_description())

        # one Tab stop: Tab reaches the table, the arrows move inside it, Tab leaves it
        row = None
        for _ in range(80):
            row = focused(app.root)
            if row is not None and row.get_role_name() == "table row":
                break
            key("Tab")
        in_table = row is not None and row.get_role_name() == "table row"
        check("Tab reaches the table at a row", in_table,
              row and f"{row.get_role_name()}: {row.get_name()}")
        key("Home")
        row = focused(app.root) or row
        key("Down")
        below = wait_for(lambda: (lambda n: n if n is not None and n.get_name() != row.get_name()
                                  else None)(focused(app.root)), 3) if in_table else None
        check("Home then Down move to the next row", in_table and below is not None
              and below.get_role_name() == "table row" and below.get_name() != row.get_name(),
              (row.get_name(), below and f"{below.get_role_name()}: {below.get_name()}"))
        def moved_from(node):
            """the next node to take the focus after @node"""
            return wait_for(lambda: (lambda n: n if n is not None and n != node else None)(
                focused(app.root)), 3)

        key("Tab")
        after = moved_from(below)
        check("Tab leaves the table: it is one Tab stop", after is not None
              and after.get_role_name() != "table row",
              after and f"{after.get_role_name()}: {after.get_name()}")
        key("Tab", "shift")
        back = moved_from(after)
        check("Shift+Tab comes back into the table", back is not None
              and back.get_role_name() == "table row",
              back and f"{back.get_role_name()}: {back.get_name()}")
        key("Tab", "shift")
        before = moved_from(back)
        check("Shift+Tab from a row leaves the table for the control before it",
              before is not None and before.get_name() == "Copy as CSV",
              before and f"{before.get_role_name()}: {before.get_name()}")

        # All Figures: a toggle button, named by its label once, that says what it does
        toggle = find_all(app.root, name="All Figures",
                          pred=lambda n: n.get_role_name() in ("toggle button", "push button"))
        check("All Figures is a button named by its label, once, and off",
              [n.get_name() for n in toggle] == ["All Figures"] and not is_on(toggle[0])
              and "ticked companies" in (toggle[0].get_description() or ""),
              [f"{n.get_role_name()}: {n.get_name()}: {n.get_description()}"
               for n in find_all(app.root, name="All|Sort|CSV")])
        count = find_all(app.root, role="label", name=r"^[\d,]+ rows?$")
        check("the table's header says how many rows it has", count,
              [n.get_name() for n in find_all(app.root, role="label", name="row")])
        if toggle and count:
            with open(os.path.join(SRCDIR, "data", "datasets", "china-gpu.json"),
                      encoding="utf-8") as f:
                # every figure, market value, top-five share and raise
                n_figures = sum(len(c.get(kind, []))
                                for c in json.load(f)["companies"]
                                for kind in ("figures", "market_caps", "customers", "raises"))
            toggle[0].get_action_iface().do_action(0)
            counted = wait_for(lambda: count[0].get_name() == f"{n_figures:,} rows", 10)
            check("on, it is pressed, the table is named for every figure, and the header "
                  "counts its rows",
                  is_on(toggle[0]) and table.get_name() == "Every figure of the ticked companies"
                  and counted, (is_on(toggle[0]), table.get_name(), count[0].get_name()))
            toggle[0].get_action_iface().do_action(0)
            back = wait_for(lambda: table.get_name() == "Figures behind the chart", 10)
            check("off again, the table is named for the chart's figures",
                  back and not is_on(toggle[0]), table.get_name())
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


def test_presentation():
    """the slide has the focus, says which slide it is and what it shows, and again
    when it moves"""
    app = App(env={"LANGUAGE": "en"})
    try:
        def slide():
            for node in walk(app.root):
                if node.get_role() == Atspi.Role.IMAGE \
                        and re.match(r".* \d+ .* \d+", node.get_name() or "") \
                        and has_state(node, Atspi.StateType.FOCUSED):
                    return node
            return None

        present = wait_for(lambda: find_all(app.root, role="push button", name="^Present$"))
        present[0].do_action(0)
        first = wait_for(slide, 20)
        name = first.get_name() if first else ""
        description = first.get_description() if first else ""
        check("the presentation's slide has the focus and names itself",
              re.match(r"^Slide 2 of \d+: \S", name), name)
        check("the slide describes what it shows", len(description) > 40, description)
        Atspi.generate_keyboard_event(0xff53, None, Atspi.KeySynthType.SYM)
        moved = wait_for(lambda: (lambda s: s if s is not None and s.get_name() != name
                                  else None)(slide()), 20)
        check("after Right the next slide names and describes itself",
              moved is not None and re.match(r"^Slide 3 of \d+: \S", moved.get_name())
              and moved.get_description() != description, moved and moved.get_name())
    finally:
        app.close()


def test_empty_chart():
    """a chart with nothing to draw is a status page saying why and what to do"""
    dataset = os.path.join(SRCDIR, "tests", "data", "charts", "usd-hkd-krw.json")
    app = App([dataset])
    try:
        check("a chart with data shows no status page",
              not find_all(app.root, name="^Nothing to Chart$",
                           pred=lambda n: has_state(n, Atspi.StateType.VISIBLE)))
        key("3", "ctrl")
        title = wait_for(lambda: find_all(app.root, name="^Nothing to Chart$",
                                          pred=lambda n: has_state(n, Atspi.StateType.VISIBLE)))
        check("the customers chart of a dataset without customers is a status page",
              title, [n.get_name() for n in find_all(app.root, role="label")][:20])
        why = find_all(app.root, role="label", name="customer concentration",
                       pred=lambda n: has_state(n, Atspi.StateType.VISIBLE))
        check("the status page says why", why, None)
        button = find_all(app.root, role="push button", name="^Show Controls$",
                          pred=lambda n: has_state(n, Atspi.StateType.VISIBLE))
        check("the status page offers what to do", button, None)
        key("2", "ctrl")
        gone = wait_for(lambda: not find_all(app.root, name="^Nothing to Chart$",
                                             pred=lambda n: has_state(n, Atspi.StateType.VISIBLE)))
        check("a chart with data again hides the status page", gone)
    finally:
        app.close()


def test_color_vision():
    """the colour-vision preview says that it is on, and turns off from there"""
    app = App()
    try:
        def bar():
            return find_all(app.root, name="^Colour-vision preview: Deuteranopia$",
                            pred=lambda n: has_state(n, Atspi.StateType.VISIBLE))

        check("no preview, no sign of one", not find_all(
            app.root, name="^Colour-vision preview", pred=lambda n: has_state(
                n, Atspi.StateType.VISIBLE)))
        menu = find_all(app.root, role="toggle button", name="^Main Menu$") \
            or find_all(app.root, role="push button", name="^Main Menu$")
        menu[-1].get_action_iface().do_action(0)
        item = wait_for(lambda: find_all(app.root, name="^Deuteranopia",
                                         pred=lambda n: "menu item" in n.get_role_name()), 3)
        item[0].get_action_iface().do_action(0)
        label = wait_for(bar, 5)
        check("with the preview on, the window names the simulation", label,
              [n.get_name() for n in find_all(app.root, name="preview")])
        status = find_all(app.root, role="status bar",
                          pred=lambda n: find_all(n, name="^Colour-vision preview"))
        check("the sign is a status for assistive technologies", status,
              [n.get_role_name() for n in find_all(app.root, name="preview")])
        off = find_all(app.root, role="push button", name="Turn Off",
                       pred=lambda n: has_state(n, Atspi.StateType.VISIBLE))
        check("it has a button that turns the preview off", off)
        if off:
            off[0].get_action_iface().do_action(0)
            check("the button turns it off", wait_for(lambda: not bar(), 5))
    finally:
        app.close()


run((test_launch_error_and_names, test_keyboard, test_table, test_language, test_presentation,
     test_empty_chart, test_color_vision))
