"""The publisher settings: defaults, and a Norwegian error naming the setting for bad values."""

from __future__ import annotations

from pathlib import Path

import pytest

from planverk.publisher import Publisher, PublisherError, contrast, read_publisher


def read(raw, tmp_path: Path) -> Publisher:
    return read_publisher(raw, site_name="Nettstedet", docs_dir=tmp_path)


def test_defaults_take_the_site_name_and_pass_contrast(tmp_path):
    pub = read(None, tmp_path)
    assert pub.name == "Nettstedet" and pub.logo is None and not pub.has_contact
    for color in (pub.accent, pub.accent_text, pub.header):
        assert contrast(color, "#ffffff") >= 4.5
    assert f"--pv-accent:{pub.accent}" in pub.css()


def test_full_settings_are_read(tmp_path):
    (tmp_path / "logo.svg").write_text("<svg/>", encoding="utf-8")
    pub = read({"name": "Kommunen", "url": "https://kommunen.no/", "logo": "logo.svg",
                "contact": {"email": "post@kommunen.no", "phone": "22 22 22 22"},
                "colors": {"accent": "#123456"}}, tmp_path)
    assert (pub.name, pub.logo, pub.email, pub.phone, pub.accent) == ("Kommunen", "logo.svg", "post@kommunen.no", "22 22 22 22", "#123456")
    assert pub.accent_text == "#123456"  # links follow the accent when only it is given


@pytest.mark.parametrize("raw, setting", [
    ({"colors": {"accent": "#ffdd00"}}, "colors.accent"),       # yellow on white: too little contrast
    ({"colors": {"header": "blue"}}, "colors.header"),
    ({"logo": "finnes-ikke.svg"}, "logo"),
    ({"contact": {"email": "ikke en adresse"}}, "contact.email"),
    ({"url": "javascript:alert(1)"}, "url"),
    ({"accessibility_statement": "../x.md"}, "accessibility_statement"),
    ({"navn": "x"}, "navn"),
    ({"contact": {"epost": "post@kommunen.no"}}, "contact.epost"),
    ({"colors": {"bakgrunn": "#123456"}}, "colors.bakgrunn"),
    ({"contact": "post@kommunen.no"}, "contact"),
    ({"colors": ["#123456"]}, "colors"),
    ("bare tekst", ""),
])
def test_bad_settings_name_the_setting_in_norwegian(tmp_path, raw, setting):
    with pytest.raises(PublisherError) as found:
        read(raw, tmp_path)
    message = str(found.value)
    assert f"extra.planverk.publisher{'.' + setting if setting else ''}" in message
    assert "forventet" in message


def test_contrast_is_wcags_formula():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert contrast("#777777", "#ffffff") < 4.5 < contrast("#767676", "#ffffff") + 0.1
