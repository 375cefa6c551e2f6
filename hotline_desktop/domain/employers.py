"""Employer names as callers say them, reduced to one key per employer.

Callers name one company as 某集团, 某集团有限公司 or 某集团公司; the repeat
warnings (多) and the reports must see one employer in all of them.
"""

from __future__ import annotations

import re
import unicodedata

# Legal forms say nothing about who the employer is, wherever they stand: a branch is
# named 某某科技有限公司西安分公司 as often as 某某科技西安分公司.
_LEGAL_FORMS = re.compile("股份有限公司|有限责任公司|有限公司")
# Longest first, so that 集团公司 goes before 公司.
_LEGAL_SUFFIXES = ("集团公司", "分公司", "公司", "工会委员会", "工会")
_NOISE = re.compile(r"[\s\u3000·.,，。、()（）\[\]【】\"'“”‘’-]+")


def employer_key(name: str) -> str:
    """The comparable form of an employer's name: '' when no employer was given."""
    text = unicodedata.normalize("NFKC", name or "").lower()
    text = _NOISE.sub("", text)
    stripped = _LEGAL_FORMS.sub("", text)
    text = stripped or text
    changed = True
    while changed:
        changed = False
        for suffix in _LEGAL_SUFFIXES:
            if text.endswith(suffix) and len(text) > len(suffix):
                keep_group = suffix.startswith("集团")
                text = text[: -len(suffix)] + ("集团" if keep_group else "")
                changed = not keep_group
                break
    return text
