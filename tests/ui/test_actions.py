from app.ui.actions import ACTION_SPECS, key_sequences


def test_no_two_actions_share_a_shortcut(qapp):
    owner: dict[str, str] = {}
    for action_id, spec in ACTION_SPECS.items():
        for sequence in key_sequences(spec):
            key = sequence.toString()
            assert key not in owner, f"{key} is bound to {owner.get(key)} and {action_id.name}"
            owner[key] = action_id.name


def test_standard_shortcuts_are_present(qapp):
    keys = {a.name: [s.toString() for s in key_sequences(spec)] for a, spec in ACTION_SPECS.items()}
    assert "Ctrl+Q" in keys["QUIT"]
    assert "Ctrl+0" in keys["ZOOM_FIT"]
    assert "F11" in keys["FULL_SCREEN"]
