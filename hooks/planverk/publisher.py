"""Who publishes the site: name, logo, contact, accessibility statement and brand colours.

Read from ``extra.planverk.publisher`` in mkdocs.yml (every key optional, with defaults),
validated once in on_config. A wrong value stops the build with a Norwegian message that
names the setting, what was found and what was expected. Colours must reach WCAG 2.1 AA
contrast (4.5:1) against white: accent_text colours links on white, accent carries white
button text, header carries the white site name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

PREFIX = "extra.planverk.publisher"

# Designsystemet (Digdir) "digdir" brand, light mode: accent base-default and text-subtle.
DEFAULT_ACCENT = "#0062ba"
DEFAULT_ACCENT_TEXT = "#005db1"
DEFAULT_HEADER = "#1e2b3c"  # neutral base-default: the header bar, white text on it
DEFAULT_ACCESSIBILITY = "tilgjengelighetserklaering.md"

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
_EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$")
_PHONE = re.compile(r"^\+?[0-9 ]{3,20}$")
_KEYS = {"name", "url", "logo", "contact", "accessibility_statement", "colors"}
_CONTACT_KEYS = {"email", "phone", "url"}
_COLOR_KEYS = {"accent", "accent_text", "header"}


class PublisherError(ValueError):
    """A bad publisher setting; the message is Norwegian and names the setting."""


@dataclass(frozen=True, slots=True)
class Publisher:
    name: str
    url: str | None = None
    logo: str | None = None  # docs-relative path of an image in docs/
    email: str | None = None
    phone: str | None = None
    contact_url: str | None = None
    accessibility_statement: str = DEFAULT_ACCESSIBILITY  # docs-relative page or https URL
    accent: str = DEFAULT_ACCENT  # buttons, header rule, focus
    accent_text: str = DEFAULT_ACCENT_TEXT  # links
    header: str = DEFAULT_HEADER  # header bar (white text)

    @property
    def has_contact(self) -> bool:
        return bool(self.email or self.phone or self.contact_url)

    @property
    def accessibility_is_page(self) -> bool:
        return not self.accessibility_statement.startswith(("https://", "http://"))

    def css(self) -> str:
        """CSS custom properties for the stylesheet (values are validated hex colours)."""
        return (f":root{{--pv-accent:{self.accent};--pv-accent-hover:{_darken(self.accent)};"
                f"--pv-accent-text:{self.accent_text};--pv-header:{self.header}}}")


def _fail(key: str | None, found: object, expected: str) -> PublisherError:
    setting = f"{PREFIX}.{key}" if key else PREFIX
    return PublisherError(f"mkdocs.yml: {setting}: fant {found!r}, forventet {expected}")


def _table(value: object, key: str | None, keys: set[str], expected: str) -> dict[str, object]:
    """``value`` as a mapping holding only ``keys`` (None or absent: empty); ``key`` names the setting."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _fail(key, value, expected)
    unknown = sorted(set(value) - keys)
    if unknown:
        raise _fail(f"{key}.{unknown[0]}" if key else unknown[0], value[unknown[0]], "en av " + ", ".join(sorted(keys)))
    return value


def _text(raw: dict[str, object], key: str, label: str) -> str | None:
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _fail(label, value, "en tekst")
    return " ".join(value.split())


def _url(value: str | None, label: str) -> str | None:
    if value is not None and not re.match(r"^https?://[^\s<>\"']+$", value):
        raise _fail(label, value, "en nettadresse som begynner med https://")
    return value


def read_publisher(raw: object, *, site_name: str, docs_dir: Path) -> Publisher:
    """The publisher from its mkdocs.yml mapping (None: all defaults)."""
    raw = _table(raw, None, _KEYS, "en tabell med navn, logo, kontakt osv.")
    name = _text(raw, "name", "name") or site_name
    url = _url(_text(raw, "url", "url"), "url")
    logo = _text(raw, "logo", "logo")
    if logo is not None:
        path = PurePosixPath(logo)
        if path.is_absolute() or ".." in path.parts or not (docs_dir / path).is_file():
            raise _fail("logo", logo, f"stien til en bildefil i {docs_dir.name}/ (for eksempel assets/logo.svg)")
        if path.suffix.lower() not in (".svg", ".png", ".jpg", ".jpeg", ".webp"):
            raise _fail("logo", logo, "en SVG-, PNG-, JPEG- eller WebP-fil")
    contact = _table(raw.get("contact"), "contact", _CONTACT_KEYS, "en tabell med email, phone og/eller url")
    email = _text(contact, "email", "contact.email")
    if email is not None and not _EMAIL.match(email):
        raise _fail("contact.email", email, "en e-postadresse (navn@virksomhet.no)")
    phone = contact.get("phone")
    phone = str(phone) if isinstance(phone, int) else _text(contact, "phone", "contact.phone")
    if phone is not None and not _PHONE.match(phone):
        raise _fail("contact.phone", phone, "et telefonnummer med bare sifre og mellomrom (for eksempel 22 24 90 90)")
    contact_url = _url(_text(contact, "url", "contact.url"), "contact.url")
    statement = _text(raw, "accessibility_statement", "accessibility_statement") or DEFAULT_ACCESSIBILITY
    if not statement.startswith(("https://", "http://")):
        path = PurePosixPath(statement)
        if path.is_absolute() or ".." in path.parts or path.suffix != ".md":
            raise _fail("accessibility_statement", statement, "en side i docs/ (…md) eller en nettadresse som begynner med https://")
    else:
        _url(statement, "accessibility_statement")
    colors = _table(raw.get("colors"), "colors", _COLOR_KEYS, "en tabell med accent, accent_text og/eller header")
    accent = _color(colors, "accent", DEFAULT_ACCENT)
    accent_text = _color(colors, "accent_text", accent if "accent" in colors else DEFAULT_ACCENT_TEXT)
    header = _color(colors, "header", DEFAULT_HEADER)
    return Publisher(name=name, url=url, logo=logo, email=email, phone=phone, contact_url=contact_url,
                     accessibility_statement=statement, accent=accent, accent_text=accent_text, header=header)


def _color(colors: dict[str, object], key: str, default: str) -> str:
    value = colors.get(key, default)
    if not isinstance(value, str) or not _HEX.match(value):
        raise _fail(f"colors.{key}", value, "en farge skrevet som #rrggbb (for eksempel \"#0062ba\")")
    ratio = contrast(value, "#ffffff")
    if ratio < 4.5:
        raise _fail(f"colors.{key}", value,
                    "en farge med kontrast minst 4,5:1 mot hvitt (WCAG 2.1 AA); denne har "
                    + f"{ratio:.2f}".replace(".", ",") + ":1")
    return value.lower()


def _luminance(hex_color: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG 2.1 contrast ratio of two #rrggbb colours."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _darken(hex_color: str, factor: float = 0.8) -> str:
    """The hover shade: darker, so contrast against white only grows."""
    r, g, b = (int(int(hex_color[i:i + 2], 16) * factor) for i in (1, 3, 5))
    return f"#{r:02x}{g:02x}{b:02x}"
