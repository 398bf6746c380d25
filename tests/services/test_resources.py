import pytest

from app.services import resources


def test_bundled_files_are_found():
    assert resources.content_file().name == "techniques.json"
    assert resources.schema_file().is_file()
    assert resources.map_file("hand.svg").is_file()


@pytest.mark.parametrize("name", ["../pyproject.toml", "/etc/passwd", "a/../../b", "", "..\\x"])
def test_unsafe_names_are_refused(name):
    with pytest.raises(resources.ResourceError, match="relative without"):
        resources.map_file(name)


def test_unknown_name_lists_the_known_ones():
    with pytest.raises(resources.ResourceError, match=r"known: .*hand\.svg"):
        resources.map_file("nose.svg")


def test_the_icon_is_named_by_the_application_id():
    from app import APP_ID

    assert resources.icon_file().name == f"{APP_ID}.svg"
    assert "<svg" in resources.icon_file().read_text(encoding="utf-8")
