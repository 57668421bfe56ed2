"""The CLI on hostile SOURCEs, private URLs not allowed: one clear stderr line per source,
exit 1, never a traceback."""

from __future__ import annotations

from pathlib import Path

from tests.test_cli import assert_clean_failure, run_cli


async def test_hostile_urls_each_get_one_clear_line() -> None:
    cases = {
        "http://" + "a" * 64 + ".example/": "host name no web site can have",
        "http://news..example/": "host name no web site can have",
        "http://" + "b" * 300 + "/": "host name no web site can have",
        "http://2130706433:9/": "2130706433 (127.0.0.1)",
        "http://[fe80::1%25eth0]:9/": "private, local or reserved",
        "http://[::ffff:127.1]:9/": "valid IP address",
        "gopher://example.com/": "not gopher: links",
    }
    code, out, err = await run_cli(
        "digest", *cases, env={"NEWSDESK_ALLOW_PRIVATE_URLS": "0"}
    )
    assert_clean_failure(code, err, *cases.values())
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == len(cases)
    assert all(len(line) < 500 for line in lines)  # a 300-character host is shortened


async def test_odd_file_paths_each_get_one_clear_line(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("A story.\n", encoding="utf-8")
    cases = {
        "n" * 5_000: "file name too long",
        f"{story}/inside": "not a directory",
        "gopher:/" + "g" * 5_000: "not gopher: links",
    }
    code, out, err = await run_cli("digest", *cases, env={"NEWSDESK_ALLOW_PRIVATE_URLS": "0"})
    assert_clean_failure(code, err, *cases.values())
    assert out == "" and len(err.strip().splitlines()) == len(cases)


async def test_serve_with_an_impossible_port_is_a_usage_error(tmp_path: Path) -> None:
    env = {  # a complete configuration: before, serve got as far as bind() and a traceback
        "SLACK_BOT_TOKEN": "xoxb-port-test",
        "SLACK_SIGNING_SECRET": "port-test-secret",
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'port.db'}",
    }
    code, _out, err = await run_cli("serve", "--port", "99999", env=env)
    assert code == 2
    assert_clean_failure(code, err, "a port is 0 to 65535")
