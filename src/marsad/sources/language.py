"""Language identification: which documents are Arabic.

py3langid (a maintained fork of langid.py: a 4.6 MB wheel whose naive Bayes model ships inside it, no
download at run time, ~1 ms a page) restricted to a handful of candidate languages, so that Persian,
Urdu and Kurdish in Arabic script are told from Arabic, and English or French are recognised.
"""

from __future__ import annotations

from dataclasses import dataclass

from py3langid.langid import MODEL_FILE, LanguageIdentifier

#: the detector looks at this many characters (the start of an article is enough and keeps it fast)
SAMPLE_CHARS = 3000


@dataclass(slots=True, frozen=True)
class LangResult:
    code: str  # ISO 639-1 ("ar", "fa", "en", ...) or "und" when there are no letters
    probability: float

    @property
    def is_arabic(self) -> bool:
        return self.code == "ar"


class LanguageDetector:
    """Load once (about a second), then :meth:`detect` is cheap."""

    def __init__(self, languages: tuple[str, ...]) -> None:
        self._ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        unknown = sorted(set(languages) - set(self._ident.labels))
        if unknown:
            raise ValueError(f"language detector: unknown language codes {unknown}")
        self._ident.set_languages(list(languages))

    def detect(self, text: str) -> LangResult:
        sample = text[:SAMPLE_CHARS]
        if not any(c.isalpha() for c in sample):
            return LangResult("und", 0.0)
        code, prob = self._ident.classify(sample)
        return LangResult(str(code), float(prob))

    def skip_reason(self, text: str) -> tuple[str, str | None]:
        """(language code, None) for Arabic text, else (code, one-line reason to skip it)."""
        result = self.detect(text)
        if result.is_arabic:
            return result.code, None
        if result.code == "und":
            return result.code, "skipped: no letters to identify a language in"
        return result.code, f"skipped: not Arabic (detected language {result.code!r}, p={result.probability:.2f})"
