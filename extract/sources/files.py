"""Bytes to text, and text to raw documents, by format: scraped text, HTML pages, and news-API
items (a JSON object, a JSON array of objects, or JSON Lines)."""
import codecs
import json
from pathlib import Path

from extract.settings import MAX_INPUT_BYTES, MAX_LINE_CHARS
from extract.sources.documents import InputRejected, RawDocument, Rejection, per_item

# Formats that are never text, by their first bytes; named so the rejection says what came in.
BINARY_SIGNATURES = {
    b"PK\x03\x04": "a zip archive", b"%PDF": "a PDF document", b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image", b"\xff\xd8\xff": "a JPEG image", b"\x1f\x8b": "gzip data",
    b"\x7fELF": "an executable", b"Rar!": "a RAR archive", b"7z\xbc\xaf": "a 7-Zip archive",
}
ITEM_TEXT_FIELDS = ("title", "url")
# Where news APIs put the time an item was last changed, in the order they are tried.
ITEM_MODIFIED_FIELDS = ("modified", "updated", "updated_at", "dateModified", "last_modified")


def decode(data: bytes) -> str:
    """BOMs first, then UTF-8, then cp1252 (the usual encoding of old Windows exports).
    Binary data is refused rather than decoded into noise."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputRejected(f"undecodable {encoding} text at byte {exc.start}") from exc
    for signature, kind in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise InputRejected(f"binary content ({kind})")
    if b"\x00" in data[:8192]:
        raise InputRejected("binary content (NUL bytes and no text encoding mark)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise InputRejected(f"undecodable text: neither UTF-8 nor cp1252 (byte {exc.start})") from exc


def read_file_bytes(path: Path) -> bytes:
    if not path.is_file():
        raise InputRejected("no such file")
    size = path.stat().st_size
    if size > MAX_INPUT_BYTES:
        raise InputRejected(f"too large: {size} bytes (limit {MAX_INPUT_BYTES})")
    return path.read_bytes()


def text_document(source: str, text: str, url: str | None = None) -> RawDocument:
    if not text.strip():
        raise InputRejected("empty file")
    longest = max(map(len, text.splitlines()))
    if longest > MAX_LINE_CHARS:
        raise InputRejected(f"a line of {longest} characters (limit {MAX_LINE_CHARS}): not article text")
    return RawDocument(source, "text", text, url=url)


def html_document(source: str, html: str, url: str | None = None) -> RawDocument:
    if not html.strip():
        raise InputRejected("empty file")
    return RawDocument(source, "html", html, url=url)


def _item(source: str, record: object) -> RawDocument:
    if not isinstance(record, dict):
        raise InputRejected(f"JSON item is {type(record).__name__}, not an object")
    body = record.get("body")
    if not isinstance(body, str) or not body.strip():
        raise InputRejected("JSON item has no body text")
    fields = {key: value if isinstance(value := record.get(key), str) else None for key in ITEM_TEXT_FIELDS}
    published = record.get("published")
    modified = next((record[key] for key in ITEM_MODIFIED_FIELDS if record.get(key) is not None), None)
    return RawDocument(source, "item", body, fields["title"], fields["url"],
                       None if published is None else str(published), None if modified is None else str(modified))


def json_documents(source: str, text: str) -> tuple[list[RawDocument], list[Rejection]]:
    """A JSON object is one item; a JSON array holds several."""
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputRejected(f"malformed JSON: {exc.msg} at line {exc.lineno}") from exc
    if isinstance(parsed, list):
        if not parsed:
            raise InputRejected("empty JSON array")
        return per_item(source, enumerate(parsed, 1), _item)
    return [_item(source, parsed)], []


def jsonl_documents(source: str, text: str) -> tuple[list[RawDocument], list[Rejection]]:
    records, rejections = [], []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append((number, json.loads(line)))
        except json.JSONDecodeError as exc:
            rejections.append(Rejection(f"{source}#{number}", f"malformed JSON: {exc.msg}"))
    if not records and not rejections:
        raise InputRejected("empty file")
    documents, bad_items = per_item(source, records, _item)
    return documents, sorted(rejections + bad_items, key=lambda r: int(r.source.rsplit("#", 1)[1]))
