"""The alert centre as a supervisor works it, and a new alert reaching a workstation that
nobody touches, from another workstation's process."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from hotline_desktop.domain.alerts import AlertState
from hotline_desktop.domain.vocabulary import HandlingMethod
from hotline_desktop.services.alert_list import alert_rows
from hotline_desktop.services.intake import log_call
from hotline_desktop.store.models import Ticket
from hotline_desktop.ui.alerts.centre import NoteDialog
from hotline_desktop.ui.shell.main_window import MainWindow
from tests.calls import wage_call

SQLITE = pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
QUIET = dict(headcount=2, amount="3000")
# A desktop notification within these seconds of the other workstation's commit.
DELIVERY_LIMIT = {"sqlite": 5.0, "postgresql": 2.0}


def danger_call(env, staff, phone="13800000001"):
    call = wage_call(**QUIET, phone=phone, description="工人说今天再拿不到钱就从楼上跳下去。")
    return log_call(env, staff.agent, call, create_ticket=True).ticket_id


def open_window(qtbot, env, actor, language, settings) -> MainWindow:
    window = MainWindow(env, actor, language, settings)
    qtbot.addWidget(window)
    window.resize(1280, 760)
    window.show()
    return window


def choose_first_alert(qtbot, centre) -> None:
    qtbot.waitUntil(lambda: centre.table.rowCount() > 0)
    centre.table.selectRow(0)
    qtbot.waitUntil(lambda: centre.detail is not None and centre.panel.isEnabled())


@SQLITE
def test_the_supervisor_works_an_alert_from_the_centre(qtbot, env, staff, ui_settings):
    ticket = danger_call(env, staff)
    window = open_window(qtbot, env, staff.supervisor, "en", ui_settings)
    centre = window.alerts
    qtbot.waitUntil(lambda: window.alert_count_label.text() == "Unacknowledged alerts: 1")
    assert window.alerts_entry.text() == "Alert centre (1)\tF5"
    window.show_page(centre)
    choose_first_alert(qtbot, centre)
    assert centre.table.item(0, 0).text() == "危 Danger"
    assert centre.table.item(0, 3).text() == "mentions “跳下去”"
    panel = centre.panel
    assert panel.title.text() == f"危 Danger · High · {Ticket.get_by_id(ticket).number}"
    assert "Rule: danger keywords v1" in panel.facts.text()
    assert panel.playbook.count() == 5

    panel.playbook.item(0).setCheckState(Qt.Checked)
    qtbot.waitUntil(lambda: "(supervisor," in panel.playbook.item(0).text())
    qtbot.waitUntil(lambda: window.alert_count_label.text() == "Unacknowledged alerts: 0")
    assert window.alerts_entry.text() == "Alert centre\tF5"

    panel.escalate_button.click()
    dialog = window.findChild(NoteDialog)
    dialog.note.insertPlainText("危情，提级办理")
    dialog.buttons.button(QDialogButtonBox.Ok).click()
    qtbot.waitUntil(lambda: Ticket.get_by_id(ticket).handling == HandlingMethod.OFFICE.value)
    qtbot.waitUntil(lambda: "State: Escalated" in panel.facts.text())

    panel.resolve_button.click()
    dialog = window.findChild(NoteDialog)
    prompts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("4 of the 5 playbook steps are not ticked off." in text for text in prompts)
    dialog.buttons.button(QDialogButtonBox.Ok).click()
    qtbot.waitUntil(lambda: dialog.error.text() != "")
    assert dialog.error.text() == "this field cannot be empty"
    dialog.note.insertPlainText("已安排专人稳控，情绪平稳")
    dialog.buttons.button(QDialogButtonBox.Ok).click()
    qtbot.waitUntil(lambda: centre.table.rowCount() == 0)  # the open list
    assert [row.state for row in alert_rows(env)] == [AlertState.RESOLVED]
    window.close()


@SQLITE
def test_the_centre_speaks_chinese(qtbot, env, staff, chinese, ui_settings):
    danger_call(env, staff)
    window = open_window(qtbot, env, staff.dispatcher, "zh_CN", ui_settings)
    qtbot.waitUntil(lambda: window.alert_count_label.text() == "未确认预警：1")
    choose_first_alert(qtbot, window.alerts)
    assert window.alerts.table.item(0, 3).text() == "含“跳下去”"
    assert "规则：危险言行关键词 v1" in window.alerts.panel.facts.text()
    window.close()


@SQLITE
def test_units_and_agents_have_no_alert_centre(qtbot, env, staff, ui_settings):
    for actor in (staff.agent, staff.xian):
        window = open_window(qtbot, env, actor, "en", ui_settings)
        assert window.alerts is None and not window.alert_count_label.isVisible()
        window.close()


_OTHER_WORKSTATION = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from hotline_desktop.services.accounts import actor_for
    from hotline_desktop.store.models import User
    from hotline_desktop.services.environment import open_environment
    from hotline_desktop.services.intake import CallInput, log_call

    env, _ = open_environment(sys.argv[1], Path(sys.argv[2]), create=False)
    call = CallInput(phone="13900000002", description="他说要去厂门口拉横幅，还说不想活了。",
                     category_code="wages")
    log_call(env, actor_for(User.get(User.username == "agent")), call, create_ticket=True)
    print(time.time(), flush=True)
    """
)


def test_a_new_alert_reaches_the_supervisor_without_a_refresh(
    qtbot, env, staff, database_url, tmp_path, ui_settings
):
    window = open_window(qtbot, env, staff.supervisor, "en", ui_settings)
    qtbot.waitUntil(lambda: window.alert_count_label.text() == "Unacknowledged alerts: 0")
    qtbot.waitUntil(lambda: window.notifier._seen is not None)
    time.sleep(0.5)  # the listener is connected (PostgreSQL) or has polled once (SQLite)
    limit = DELIVERY_LIMIT[env.info.engine]
    heard = []
    window.notifier.announced.connect(lambda alerts: heard.append((time.time(), alerts)))
    other = subprocess.Popen(
        [sys.executable, "-c", _OTHER_WORKSTATION, database_url, str(tmp_path / "b")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    qtbot.waitUntil(lambda: other.poll() is not None, timeout=30_000)
    out, err = other.communicate()  # read and closed: an open pipe is a ResourceWarning
    assert other.returncode == 0, err
    committed = float(out.strip().splitlines()[-1])
    qtbot.waitUntil(lambda: bool(heard), timeout=int(limit * 1000) + 1000)
    arrived, alerts = heard[0]
    assert arrived - committed <= limit
    assert [alert.kind.value for alert in alerts] == ["danger"]
    qtbot.waitUntil(lambda: window.alert_count_label.text() == "Unacknowledged alerts: 1")
    window.close()


@SQLITE
def test_a_refusal_in_the_centre_speaks_chinese(qtbot, env, staff, chinese, ui_settings):
    from hotline_desktop.services import ticket_steps

    ticket = danger_call(env, staff)
    ticket_steps.handle_in_office(env, staff.dispatcher, ticket)
    window = open_window(qtbot, env, staff.supervisor, "zh_CN", ui_settings)
    choose_first_alert(qtbot, window.alerts)
    window.alerts.panel.escalate_button.click()
    dialog = window.findChild(NoteDialog)
    dialog.buttons.button(QDialogButtonBox.Ok).click()
    qtbot.waitUntil(lambda: dialog.error.text() != "")
    assert dialog.error.text() == "该工单已由办公室办理"
    window.close()
