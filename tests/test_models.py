from __future__ import annotations


def test_fixture_installs(installed_package, cli):
    assert installed_package.from_code == "vi"
    result = cli("models", "list")
    assert result.exit_code == 0
    assert "*" in result.stdout
