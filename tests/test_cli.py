"""The command line: each command does its job, and each failure is one clear line."""

from __future__ import annotations

import pytest

from hotline_desktop.cli import main


@pytest.fixture
def database(tmp_path, monkeypatch):
    monkeypatch.setattr("hotline_desktop.config.folders.backup_dir", lambda: tmp_path / "backups")
    return f"sqlite:///{tmp_path / 'cli.db'}"


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_init_demo_figures_and_search(database, capsys):
    code, out, _err = run(capsys, "--database", database, "init")
    assert code == 0 and "created schema version" in out
    code, out, _err = run(
        capsys, "--database", database, "demo", "--tickets", "300",
        "--from", "2026-10-01", "--to", "2026-11-27",
    )  # fmt: skip
    assert code == 0 and "tickets" in out
    code, out, _err = run(capsys, "--database", database, "figures")
    assert code == 0
    assert "calls answered" in out and "tickets generated" in out and "money recovered" in out
    code, out, _err = run(capsys, "--database", database, "search", "工资")
    assert code == 0 and "tickets match “工资”" in out
    assert "****" in out  # phone numbers are masked


def test_create_user_reads_the_password_from_stdin(database, capsys, monkeypatch):
    import io

    run(capsys, "--database", database, "init")
    monkeypatch.setattr("sys.stdin", io.StringIO("long-enough-secret\n"))
    code, out, _err = run(
        capsys, "--database", database, "create-user", "wang", "--role", "agent",
        "--unit", "sx-centre", "--name", "王芳", "--password-stdin",
    )  # fmt: skip
    assert code == 0 and "created wang" in out
    monkeypatch.setattr("sys.stdin", io.StringIO("long-enough-secret\n"))
    code, _out, err = run(
        capsys, "--database", database, "create-user", "li", "--role", "agent",
        "--unit", "nowhere", "--password-stdin",
    )  # fmt: skip
    assert code == 1
    assert err.strip() == "hotline-desktop: unit: unknown unit “nowhere”"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("oracle://db/x", "unsupported database URL"),
        ("postgresql://nobody@127.0.0.1:1/nothing", "cannot reach the database"),
        ("mysql://nobody@127.0.0.1:1/nothing", "cannot reach the database"),
    ],
)
def test_a_bad_url_or_an_unreachable_server_is_one_line_and_a_failure(capsys, url, message):
    code, out, err = run(capsys, "--database", url, "figures")
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert message in err


def test_bad_arguments_are_refused_by_the_parser(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["demo", "--tickets", "zero"])
    assert exit_.value.code == 2
    assert "not a whole number" in capsys.readouterr().err


def test_only_init_and_demo_create_a_database(tmp_path, capsys):
    typo = tmp_path / "typo.db"
    code, _out, err = run(capsys, "figures", "--database", f"sqlite:///{typo}")
    assert code == 1 and "there is no database at" in err and "hotline-desktop init" in err
    assert not typo.exists()


def test_an_empty_search_is_refused(database, capsys):
    run(capsys, "--database", database, "init")
    code, _out, err = run(capsys, "--database", database, "search", " ")
    assert code == 1 and "give a word to search for" in err


def test_a_password_is_not_asked_for_without_a_terminal(database, capsys, monkeypatch):
    import io

    run(capsys, "--database", database, "init")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _out, err = run(
        capsys, "create-user", "li", "--role", "agent", "--unit", "sx-centre",
        "--database", database,
    )  # fmt: skip
    assert code == 1
    assert err.strip() == (
        "hotline-desktop: no terminal to ask for the password on: use --password-stdin"
    )
