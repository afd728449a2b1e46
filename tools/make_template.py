"""Write netmap's Excel template: one sheet per table, English and Hebrew headers.

The workbook (``netmap-template.xlsx``) has:

* ``הוראות`` and ``instructions``: how to fill it in, in Hebrew (a
  right-to-left sheet) and in English, with every column and every label
  the drop-down lists offer, generated from netmap's schema and
  vocabularies so that it cannot drift from what the reader accepts;
* ``actors``, ``ties``, ``memberships``, ``bodies``, ``activities``: a
  header row in English, a second one in Hebrew (the reader skips a row
  under the header that repeats it in another language), a few example
  rows that make a tiny valid map, drop-down lists (Excel data validation)
  for sector, level, scope, tie type, role, body kind, the backbone flag
  and the ids that other sheets refer to, and a note on every header;
* ``map``: the map's settings (directed, name, date), read by netmap;
* ``lists``: the drop-down values (hidden).

``netmap.read_excel`` reads the template as it is; it skips the
instruction sheets and ``lists`` and notes so in the map's ``issues``.
The output is deterministic: fixed document dates and zip timestamps, so
running the script again gives the same bytes.

Usage: python tools/make_template.py [FOLDER]
(default: src/netmap/_data/templates/, which data/templates/ links to)
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import sys
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from netmap import default_taxonomy
from netmap.model.schema import TABLES
from netmap.model.vocabulary import BODY_KINDS, LEVELS, ROLES, SCOPES, TIE_TYPES, tie_class

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "src" / "netmap" / "_data" / "templates"
NAME = "netmap-template.xlsx"
#: Rows the drop-down lists cover (data starts on row 3, under the two headers).
LAST_ROW = 5000
FIXED_DATE = dt.datetime(2026, 1, 1)
ZIP_DATE = (2026, 1, 1, 0, 0, 0)

# -- the tables: columns, Hebrew headers and descriptions, example rows ----------

#: Per table, the columns of the template: (column, Hebrew header, width).
#: Every Hebrew header is an alias the reader knows for the same column
#: (the test checks it); ``backbone`` is an extra column, and its Hebrew
#: header one of the headers the reader knows it by (BACKBONE_HEADERS).
COLUMNS = {
    "actors": [("id", "מזהה", 16), ("name", "שם", 30), ("name_en", None, 30),
               ("sector", "מגזר", 18),
               ("level", "רמה", 14), ("org", "ארגון", 14), ("scope", "היקף", 12),
               ("backbone", "ארגון שדרה", 11), ("wave", "גל", 8), ("until", "עד", 8)],
    "ties": [("source", "מקור", 16), ("target", "יעד", 16), ("type", "סוג קשר", 18),
             ("weight", "משקל", 9), ("trust", "אמון", 9), ("wave", "גל", 8),
             ("until", "עד", 8)],
    "memberships": [("actor", "שחקן", 16), ("body", "גוף", 22), ("role", "תפקיד", 14),
                    ("wave", "גל", 8), ("until", "עד", 8)],
    "bodies": [("id", "מזהה", 22), ("name", "שם", 30), ("name_en", None, 30),
               ("kind", "סוג גוף", 22),
               ("wave", "גל", 8), ("until", "עד", 8)],
    "activities": [("actor", "שחקן", 16), ("goal", "מטרה", 26), ("name_he", None, 26),
                   ("name_en", None, 26), ("wave", "גל", 8), ("until", "עד", 8)],
}

TABLE_HE = {
    "actors": "שורה לכל שחקן: ארגון, אדם בתוך ארגון, או גוף",
    "ties": "שורה לכל קשר בין שני שחקנים",
    "memberships": "שורה לכל שחקן שיושב בגוף",
    "bodies": "שורה לכל גוף משותף או חד-מגזרי",
    "activities": "שורה לכל שחקן שפועל על מטרה משותפת (מפת חפיפות ופערים)",
}

#: Descriptions of columns the schema does not know.
EXTRA_EN = {"backbone": "yes for the backbone organisation of the joint move; empty "
                        "for the others",
            "name_en": "the name in English (a report in English shows it; name_he "
                       "likewise in Hebrew); empty: the name column",
            "name_he": "the goal's name in Hebrew (a report in Hebrew shows it); empty: "
                       "the goal's id"}
DOC_HE = {
    "id": "מזהה ייחודי; טבלאות אחרות מפנות אליו",
    "name": "שם לתצוגה, בכל שפה",
    "sector": "המגזר של השחקן: קוד או שם מגזר מהרשימה",
    "level": "אדם, ארגון או גוף; ריק: ארגון",
    "org": "לאדם: המזהה של הארגון שהוא מייצג",
    "scope": "מקומי, אזורי, ארצי או גלובלי",
    "backbone": "כן לארגון השדרה של המהלך המשותף; ריק לאחרים",
    "name_en": "השם באנגלית (דוח באנגלית מציג אותו; name_he באותו אופן בעברית); ריק: "
               "עמודת השם",
    "name_he": "שם המטרה בעברית (דוח בעברית מציג אותו); ריק: המזהה של המטרה",
    "wave": "הגל (מספר כמו שנה, או תאריך) שבו השורה מתחילה; ריק: מהגל הראשון",
    "until": "הגל האחרון שבו השורה עדיין תקפה (כולל); ריק: עד הסוף",
    "source": "המזהה של שחקן אחד (השולח, במפה מכוונת)",
    "target": "המזהה של השחקן השני (המקבל, במפה מכוונת)",
    "type": "סוג הקשר מהרשימה; סוג אחר נשמר כפי שנכתב",
    "weight": "מספר; ריק: 1",
    "trust": "מספר, כמו דירוג 1-5; ריק: לא ידוע",
    "actor": "המזהה של השחקן",
    "body": "המזהה של הגוף",
    "role": 'יו"ר, מוביל, רכז, חבר או משקיף; תפקיד אחר נשמר כפי שנכתב',
    "kind": "ועדת היגוי, צוות עבודה, קואליציה, צוות מגזרי או רשת שותפים; סוג אחר "
            "נשמר כפי שנכתב",
    "goal": "המטרה המשותפת שהשחקן פועל עליה",
}
BODY_ID_HE = "מזהה ייחודי של הגוף; החברות בגופים מפנות אליו"

EXAMPLES = {
    "actors": [
        ["moe", "משרד החינוך", "Ministry of Education", "public", "organisation", None,
         "national", None, 2024, None],
        ["company_a", "חברת הייטק א'", "High-tech company A", "business", "organisation",
         None, "national", None, 2024, None],
        ["ngo_a", "עמותה א'", "Non-profit A", "third", "organisation", None, "local", None,
         2024, None],
        ["ngo_a_director", "מנהלת עמותה א'", "Director, Non-profit A", "third", "person",
         "ngo_a", "local", None, 2024, None],
        ["backbone_org", "ארגון השדרה", "Backbone organisation", "third", "organisation",
         None, "national", "yes", 2024, None],
    ],
    "ties": [
        ["moe", "ngo_a", "funding", 3, 4, 2024, None],
        ["company_a", "ngo_a", "donation", 1, 3, 2024, None],
        ["backbone_org", "moe", "partnership", 2, 4, 2024, None],
        ["backbone_org", "company_a", "partnership", 2, 4, 2024, None],
        ["ngo_a_director", "backbone_org", "information", 1, 5, 2024, None],
    ],
    "memberships": [
        ["moe", "steering_committee", "chair", 2024, None],
        ["company_a", "steering_committee", "member", 2024, None],
        ["ngo_a_director", "steering_committee", "member", 2024, None],
        ["backbone_org", "steering_committee", "coordinator", 2024, None],
    ],
    "bodies": [["steering_committee", "ועדת ההיגוי", "Steering committee",
                "steering_committee", 2024, None]],
    "activities": [["ngo_a", "student_motivation", "מוטיבציה של תלמידים",
                    "Student motivation", 2024, None]],
}

SETTINGS = [
    ("directed", "no", "yes if a tie runs from source to target (funding from funder to "
                       "funded); no when ties are mutual",
     "כן אם לקשר יש כיוון, מהמקור אל היעד (מימון מהמממן אל הממומן); לא לקשרים הדדיים"),
    ("name", "Example initiative", "the map's title", "שם המפה"),
    ("date", dt.datetime(2024, 9, 1), "the map's date, which dates its report: a date "
                                      "cell, or text written year-month-day (2024-09-01)",
     "תאריך המפה, שהוא תאריך הדוח: תא תאריך, או טקסט בצורה שנה-חודש-יום (2024-09-01)"),
]

# -- drop-down lists ----------------------------------------------------------------


def _labels(vocab, codes=None) -> list[str]:
    """The codes, then the Hebrew names: the labels a drop-down list offers."""
    terms = [t for t in vocab.terms if codes is None or t.code in codes]
    return [t.code for t in terms] + [t.he for t in terms]


def lists() -> dict[str, tuple[str, str, list[str], str]]:
    """Drop-down lists: key -> (English header, Hebrew header, values, error style).

    Closed vocabularies (sector, level, scope, backbone, directed) warn on
    another value (netmap accepts other aliases); open ones (tie type,
    role, body kind) only inform, as netmap keeps other values as written.
    """
    return {
        "sector": ("sector", "מגזר", _labels(default_taxonomy()), "warning"),
        "level": ("level", "רמה", _labels(LEVELS, ("person", "organisation", "body")),
                  "warning"),
        "scope": ("scope", "היקף", _labels(SCOPES), "warning"),
        "type": ("tie type", "סוג קשר", _labels(TIE_TYPES), "information"),
        "role": ("role", "תפקיד", _labels(ROLES), "information"),
        "kind": ("body kind", "סוג גוף", _labels(BODY_KINDS), "information"),
        "yes_no": ("backbone, directed", "ארגון שדרה, מכוון", ["yes", "no", "כן", "לא"],
                   "warning"),
    }


#: Which list each column uses; ids of other sheets for the references.
VALIDATED = {
    ("actors", "sector"): "sector", ("actors", "level"): "level",
    ("actors", "scope"): "scope", ("actors", "backbone"): "yes_no",
    ("actors", "org"): ("actors", "id"), ("ties", "source"): ("actors", "id"),
    ("ties", "target"): ("actors", "id"), ("ties", "type"): "type",
    ("memberships", "actor"): ("actors", "id"), ("memberships", "body"): ("bodies", "id"),
    ("memberships", "role"): "role", ("bodies", "kind"): "kind",
    ("activities", "actor"): ("actors", "id"),
}

HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
HEBREW_FILL = PatternFill("solid", fgColor="EDF2F9")
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
WRAP = Alignment(wrap_text=True, vertical="top")


def _doc(table: str, column: str) -> tuple[str, str]:
    """English and Hebrew description of a column."""
    try:
        en = TABLES[table].column(column).doc
    except KeyError:
        en = EXTRA_EN[column]
    he = BODY_ID_HE if (table, column) == ("bodies", "id") else DOC_HE[column]
    return en, he


def _required(table: str, column: str) -> bool:
    return column in TABLES[table].required_columns


def _list_range(lists_columns: dict, key: str) -> str:
    col, n = lists_columns[key]
    letter = get_column_letter(col)
    return f"=lists!${letter}$2:${letter}${n + 1}"


def _validation(source, lists_columns: dict, styles: dict) -> DataValidation:
    if isinstance(source, tuple):
        table, column = source
        letter = get_column_letter([c for c, _, _ in COLUMNS[table]].index(column) + 1)
        formula = f"={table}!${letter}$3:${letter}${LAST_ROW}"
        style, what = "warning", f"an id from the {table} sheet"
        what_he = "מזהה מגיליון " + table
    else:
        formula = _list_range(lists_columns, source)
        style = styles[source]
        what, what_he = "a value from the list", "ערך מהרשימה"
    note = ("" if style == "warning" else
            " netmap keeps other values as written, with a warning.")
    return DataValidation(type="list", formula1=formula, allow_blank=True,
                          showErrorMessage=True, errorStyle=style, errorTitle="netmap",
                          error=f"Expected {what}.{note} / צפוי {what_he}.")


def _data_sheet(wb: Workbook, table: str, lists_columns: dict, styles: dict) -> None:
    ws = wb.create_sheet(table)
    columns = COLUMNS[table]
    ws.append([c for c, _, _ in columns])
    ws.append([he for _, he, _ in columns])
    for row in EXAMPLES[table]:
        ws.append(row)
    for j, (column, _, width) in enumerate(columns, start=1):
        letter = get_column_letter(j)
        ws.column_dimensions[letter].width = width
        en, he = _doc(table, column)
        required = " (required / חובה)" if _required(table, column) else ""
        comment = Comment(f"{column}{required}: {en}\n\n{he}", "netmap")
        comment.width, comment.height = 320, 140
        ws.cell(1, j).comment = comment
        for row, fill in ((1, HEADER_FILL), (2, HEBREW_FILL)):
            ws.cell(row, j).font = BOLD
            ws.cell(row, j).fill = fill
        source = VALIDATED.get((table, column))
        if source is not None:
            dv = _validation(source, lists_columns, styles)
            ws.add_data_validation(dv)
            dv.add(f"{letter}3:{letter}{LAST_ROW}")
    ws.freeze_panes = "A3"


def _map_sheet(wb: Workbook, lists_columns: dict) -> None:
    ws = wb.create_sheet("map")
    ws.append(["setting / הגדרה", "value / ערך", "explanation", "הסבר"])
    for key, value, en, he in SETTINGS:
        ws.append([key, value, en, he])
        if isinstance(value, dt.datetime):
            ws.cell(ws.max_row, 2).number_format = "yyyy-mm-dd"
    for j, width in enumerate((18, 24, 60, 60), start=1):
        ws.column_dimensions[get_column_letter(j)].width = width
        ws.cell(1, j).font = BOLD
        ws.cell(1, j).fill = HEADER_FILL
    for row in ws.iter_rows(min_row=2, min_col=3, max_col=4):
        for cell in row:
            cell.alignment = WRAP
    dv = DataValidation(type="list", formula1=_list_range(lists_columns, "yes_no"),
                        allow_blank=False, showErrorMessage=True, errorStyle="stop",
                        errorTitle="netmap", error="yes or no / כן או לא")
    ws.add_data_validation(dv)
    dv.add("B2")


def _lists_sheet(wb: Workbook) -> tuple[dict, dict]:
    ws = wb.create_sheet("lists")
    ws.sheet_state = "hidden"
    columns, styles = {}, {}
    for j, (key, (en, he, values, style)) in enumerate(lists().items(), start=1):
        ws.cell(1, j, f"{en} / {he}").font = BOLD
        for i, value in enumerate(values, start=2):
            ws.cell(i, j, value)
        ws.column_dimensions[get_column_letter(j)].width = 24
        columns[key] = (j, len(values))
        styles[key] = style
    return columns, styles


# -- instructions ---------------------------------------------------------------

STEPS = {
    "en": [
        "Fill in one sheet per table. netmap reads this workbook as it is: "
        "netmap.read_excel(\"netmap-template.xlsx\") in Python, or "
        "netmap validate netmap-template.xlsx on the command line, which lists every "
        "problem with its sheet, row and column.",
        "Each table sheet has two header rows, English and Hebrew; keep at least one of "
        "them. The rows under them are an example that reads as a small map: replace "
        "them with your own.",
        "actors and ties are required; memberships, bodies and activities are optional "
        "(leave a sheet you do not use with its headers only).",
        "Every actor has an id (letters, digits and _ are safest). Ties, memberships and "
        "activities name actors by id, and memberships name bodies by id.",
        "The drop-down lists offer the codes and the Hebrew names netmap knows. Other "
        "spellings in English, Hebrew or Arabic are accepted too (see "
        "docs/input-format.md): Excel then warns, and you may go on. A tie type, role or "
        "body kind netmap does not know is kept as written, with a warning.",
        "Fill in every weight: an empty weight is taken as 1, with a warning.",
        "A person (level person) names the organisation it represents in org. Mark the "
        "backbone organisation with yes in backbone.",
        "Waves: write the wave (a year, or a date such as 2024-05) in which a row starts "
        "in wave, and the last wave in which it still holds in until. Leave both empty "
        "when the map has one wave.",
        "The map sheet holds the map's settings: directed (yes when a tie runs from source "
        "to target, such as funding from funder to funded; no for mutual ties), name "
        "(the map's title) and date (the map's date, which dates its report: a date cell "
        "or 2024-09-01; delete the row for an undated report). Add a row waves, with the "
        "wave labels in order separated by semicolons, only when the waves are words "
        "rather than numbers or dates.",
        "The sheets הוראות, instructions and lists (hidden: it holds the drop-down "
        "values) are not tables: netmap skips them and notes so in the map's issues.",
    ],
    "he": [
        "ממלאים גיליון אחד לכל טבלה. netmap קורא את חוברת העבודה כמו שהיא: "
        "netmap.read_excel(\"netmap-template.xlsx\") בפייתון, או "
        "netmap validate netmap-template.xlsx בשורת הפקודה, שמפרט כל בעיה עם הגיליון, "
        "השורה והעמודה שלה.",
        "בכל גיליון טבלה יש שתי שורות כותרת, באנגלית ובעברית; יש להשאיר לפחות אחת מהן. "
        "השורות שמתחתן הן דוגמה שנקראת כמפה קטנה: מחליפים אותן בנתונים שלכם.",
        "הגיליונות actors (שחקנים) ו-ties (קשרים) הם חובה; memberships (חברות בגופים), "
        "bodies (גופים) ו-activities (פעילויות) רשות (גיליון שלא משתמשים בו משאירים עם "
        "הכותרות בלבד).",
        "לכל שחקן יש מזהה (id; הכי בטוח אותיות לטיניות, ספרות ו-_). קשרים, חברות בגופים "
        "ופעילויות מפנים לשחקנים לפי המזהה, וחברות בגופים מפנה לגופים לפי המזהה.",
        "הרשימות הנפתחות מציעות את הקודים ואת השמות בעברית ש-netmap מכיר. גם כתיב אחר "
        "באנגלית, בעברית או בערבית מתקבל (ראו docs/input-format.md): אקסל יזהיר, ואפשר "
        "להמשיך. סוג קשר, תפקיד או סוג גוף ש-netmap לא מכיר נשמר כפי שנכתב, עם אזהרה.",
        "ממלאים משקל (weight) בכל קשר: משקל ריק נחשב 1, עם אזהרה.",
        "אדם (level: אדם) רושם ב-org את הארגון שהוא מייצג. את ארגון השדרה מסמנים ב-כן "
        "בעמודה backbone.",
        "גלים: ב-wave כותבים את הגל (שנה, או תאריך כמו 2024-05) שבו השורה מתחילה, "
        "וב-until את הגל האחרון שבו היא עדיין תקפה. כשיש למפה גל אחד משאירים את שתיהן "
        "ריקות.",
        "בגיליון map נמצאות הגדרות המפה: directed (כן כשלקשר יש כיוון מהמקור אל היעד, כמו "
        "מימון מהמממן אל הממומן; לא לקשרים הדדיים), name (שם המפה) ו-date (תאריך המפה, "
        "שהוא תאריך הדוח: תא תאריך או 2024-09-01; מוחקים את השורה לדוח בלי תאריך). "
        "מוסיפים שורה waves, "
        "עם תוויות הגלים לפי הסדר ומופרדות בנקודה-פסיק, רק כשהגלים הם מילים ולא מספרים "
        "או תאריכים.",
        "הגיליונות הוראות, instructions ו-lists (מוסתר: בו ערכי הרשימות הנפתחות) אינם "
        "טבלאות: netmap מדלג עליהם ורושם זאת ב-issues של המפה.",
    ],
}

WORDS = {
    "en": {"title": "netmap template: a stakeholder map in one workbook",
           "steps": "How to fill it in", "tables": "The tables",
           "columns": ("column", "Hebrew header", "required", "meaning"),
           "yes": "yes", "no": "", "labels": "Values of the drop-down lists",
           "label_cols": ("list", "code", "Hebrew", "note"),
           "core": "counts as core sector: {}", "class": "tie class: {}"},
    "he": {"title": "תבנית netmap: מפת בעלי עניין בחוברת עבודה אחת",
           "steps": "איך ממלאים", "tables": "הטבלאות",
           "columns": ("עמודה", "כותרת בעברית", "חובה", "משמעות"),
           "yes": "כן", "no": "", "labels": "ערכי הרשימות הנפתחות",
           "label_cols": ("רשימה", "קוד", "עברית", "הערה"),
           "core": "נחשב למגזר הליבה: {}", "class": "סוג קשר כללי: {}"},
}


def _instructions(wb: Workbook, lang: str, title: str) -> None:
    ws = wb.create_sheet(title)
    ws.sheet_view.rightToLeft = lang == "he"
    w = WORDS[lang]
    ws.append([w["title"]])
    ws.cell(ws.max_row, 1).font = TITLE
    ws.append([])
    ws.append([w["steps"]])
    ws.cell(ws.max_row, 1).font = BOLD
    for n, step in enumerate(STEPS[lang], start=1):
        ws.append([f"{n}.", step])
        ws.merge_cells(start_row=ws.max_row, start_column=2, end_row=ws.max_row,
                       end_column=4)
        ws.cell(ws.max_row, 2).alignment = WRAP
        ws.row_dimensions[ws.max_row].height = 15 * (1 + len(step) // 95)
    ws.append([])
    ws.append([w["tables"]])
    ws.cell(ws.max_row, 1).font = BOLD
    for table, columns in COLUMNS.items():
        ws.append([])
        doc = TABLES[table].doc if lang == "en" else TABLE_HE[table]
        ws.append([table, doc])
        ws.cell(ws.max_row, 1).font = BOLD
        ws.append(list(w["columns"]))
        for cell in ws[ws.max_row]:
            cell.font = BOLD
            cell.fill = HEADER_FILL
        for column, he, _ in columns:
            en_doc, he_doc = _doc(table, column)
            ws.append([column, he or "", w["yes"] if _required(table, column) else w["no"],
                       en_doc if lang == "en" else he_doc])
            ws.cell(ws.max_row, 4).alignment = WRAP
    ws.append([])
    ws.append([w["labels"]])
    ws.cell(ws.max_row, 1).font = BOLD
    ws.append(list(w["label_cols"]))
    for cell in ws[ws.max_row]:
        cell.font = BOLD
        cell.fill = HEADER_FILL
    taxonomy = default_taxonomy()
    for name, vocab, codes in (("sector", taxonomy, None),
                               ("level", LEVELS, ("person", "organisation", "body")),
                               ("scope", SCOPES, None), ("tie type", TIE_TYPES, None),
                               ("role", ROLES, None), ("body kind", BODY_KINDS, None)):
        for term in vocab.terms:
            if codes is not None and term.code not in codes:
                continue
            note = ""
            if name == "sector":
                note = w["core"].format(taxonomy.core_of(term.code) or "-")
            elif name == "tie type":
                note = w["class"].format(tie_class(term.code))
            ws.append([name, term.code, term.he, note])
    for j, width in enumerate((16, 22, 22, 90), start=1):
        ws.column_dimensions[get_column_letter(j)].width = width


def build() -> Workbook:
    """The template workbook."""
    wb = Workbook()
    wb.remove(wb.active)
    _instructions(wb, "he", "הוראות")
    _instructions(wb, "en", "instructions")
    # the lists sheet is created first so that the validations can name its cells,
    # then moved to the end
    lists_columns, styles = _lists_sheet(wb)
    for table in COLUMNS:
        _data_sheet(wb, table, lists_columns, styles)
    _map_sheet(wb, lists_columns)
    wb.move_sheet("lists", offset=len(wb.sheetnames) - 1 - wb.sheetnames.index("lists"))
    wb.active = 0
    props = wb.properties
    props.creator = props.lastModifiedBy = "netmap"
    props.title = "netmap template"
    props.created = props.modified = FIXED_DATE
    return wb


def write(path: Path) -> None:
    """Save the template with fixed dates, so that the same input gives the same bytes."""
    buffer = io.BytesIO()
    build().save(buffer)
    stamp = FIXED_DATE.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(buffer) as zin, zipfile.ZipFile(path, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, data)
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(fixed, data)


def main(argv: list[str]) -> None:
    """Write the template into the folder given, or the package's templates folder."""
    parser = argparse.ArgumentParser(description="Write the Excel template.")
    parser.add_argument("folder", nargs="?", type=Path, default=FOLDER,
                        help="the folder to write into (default: the package's templates)")
    folder = parser.parse_args(argv).folder
    folder.mkdir(parents=True, exist_ok=True)
    write(folder / NAME)
    print(f"wrote {folder / NAME}")


if __name__ == "__main__":
    main(sys.argv[1:])
