"""Known Arabic outlets (``data/outlets.yaml``): the outlet id of a page from its URL or site name.

The file is loaded and validated once (:func:`load_outlets`); every problem raises
:class:`~marsad.errors.DataFileError` naming the file and the key (``outlets[3].domains``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from marsad.errors import DataFileError
from marsad.normalize import normalize_key

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "outlets.yaml"

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_HOST = re.compile(r"^[a-z0-9.-]+\.[a-z]{2,}(?:/[^\s]*)?$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_FIELDS = {"id", "domains", "name_ar", "name_en", "country", "stance"}


@dataclass(slots=True, frozen=True)
class Outlet:
    id: str
    domains: tuple[str, ...]  # "host" or "host/path-prefix"
    name_ar: str
    name_en: str
    country: str
    stance: str | None = None


@dataclass(slots=True, frozen=True)
class OutletRegistry:
    """Outlets by domain and by name; lookups never raise."""

    outlets: tuple[Outlet, ...]
    path: str

    def by_id(self, outlet_id: str) -> Outlet | None:
        return next((o for o in self.outlets if o.id == outlet_id), None)

    def by_url(self, url: str | None) -> Outlet | None:
        """The outlet whose domain (or a parent of the URL's host) and path prefix match ``url``."""
        if not url:
            return None
        try:
            parts = urlsplit(url.strip())
        except ValueError:
            return None
        host = (parts.hostname or "").lower().removeprefix("www.")
        if not host:
            return None
        path = parts.path or "/"
        best: tuple[int, Outlet] | None = None
        for outlet in self.outlets:
            for domain in outlet.domains:
                d_host, _, d_path = domain.partition("/")
                if host != d_host and not host.endswith("." + d_host):
                    continue
                if d_path and not (path.strip("/") + "/").startswith(d_path.strip("/") + "/"):
                    continue
                score = len(domain)
                if best is None or score > best[0]:
                    best = (score, outlet)
        return best[1] if best else None

    def by_name(self, name: str | None) -> Outlet | None:
        """The outlet whose Arabic or Latin name equals ``name`` (Arabic normalised, case folded)."""
        if not name:
            return None
        key = normalize_key(name).casefold()
        for outlet in self.outlets:
            names = {normalize_key(outlet.name_ar), normalize_key(outlet.name_en).casefold(), outlet.id}
            if key in names:
                return outlet
        return None


def load_outlets(path: str | Path | None = None) -> OutletRegistry:
    """Load and validate an outlets file (default: the shipped ``data/outlets.yaml``)."""
    p = Path(path) if path is not None else DEFAULT_PATH
    where = str(p)
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataFileError(where, "-", f"cannot read: {exc.strerror or exc}") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(where, "-", f"invalid YAML: {exc}".splitlines()[0]) from exc
    if not isinstance(data, dict) or not isinstance(data.get("outlets"), list):
        raise DataFileError(where, "outlets", "top level must be a mapping with an 'outlets' list")
    seen_ids: set[str] = set()
    seen_domains: dict[str, str] = {}
    out: list[Outlet] = []
    for i, item in enumerate(data["outlets"]):
        key = f"outlets[{i}]"
        if not isinstance(item, dict):
            raise DataFileError(where, key, "must be a mapping")
        unknown = set(item) - _FIELDS
        if unknown:
            raise DataFileError(where, f"{key}.{sorted(unknown)[0]}", "unknown field")
        for name in ("id", "name_ar", "name_en", "country"):
            value = item.get(name)
            if not isinstance(value, str) or not value.strip():
                raise DataFileError(where, f"{key}.{name}", "missing or not a non-empty string")
        oid = item["id"]
        if not _ID.match(oid):
            raise DataFileError(where, f"{key}.id", f"{oid!r} is not a lower-case id like 'al-mayadeen'")
        if oid in seen_ids:
            raise DataFileError(where, f"{key}.id", f"duplicate id {oid!r}")
        seen_ids.add(oid)
        if not _COUNTRY.match(item["country"]):
            raise DataFileError(where, f"{key}.country", f"{item['country']!r} is not a two-letter country code")
        domains = item.get("domains")
        if not isinstance(domains, list):
            raise DataFileError(where, f"{key}.domains", "must be a list (possibly empty)")
        for j, domain in enumerate(domains):
            dkey = f"{key}.domains[{j}]"
            if not isinstance(domain, str) or not _HOST.match(domain):
                raise DataFileError(where, dkey, f"{domain!r} is not a host name like 'example.com'")
            if domain in seen_domains:
                raise DataFileError(where, dkey, f"{domain!r} already belongs to {seen_domains[domain]!r}")
            seen_domains[domain] = oid
        stance = item.get("stance")
        if stance is not None and (not isinstance(stance, str) or not stance.strip()):
            raise DataFileError(where, f"{key}.stance", "must be a non-empty string when present")
        out.append(Outlet(oid, tuple(domains), item["name_ar"].strip(), item["name_en"].strip(),
                          item["country"], stance))
    return OutletRegistry(tuple(out), where)


def host_id(url: str | None) -> str | None:
    """A fallback outlet id for an unknown site: its host without ``www.`` ("example.com")."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.lower().removeprefix("www.") if host else None
