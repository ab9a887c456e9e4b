/**
 * The end of a document's life as a careful edit (design §3): `repeal` makes
 * a fastställd document upphävd on a date and, when another document
 * replaces it, says so in both (`ersatts_av` here, `ersatter` there), so
 * that the replacement rules (SD101, SD102) hold after the one command.
 */
import type { Lang } from "../../core/types.js";
import type { SamDoc } from "../../core/document.js";
import { editing, editor, finish, KEY_ORDER, refuse } from "./lifecycle-common.js";

export interface RepealPlan {
  text: string;
  date: string;
  /** The new text of the replacing document; undefined when it already lists this one in `ersatter`. */
  replacingText?: string;
}

/**
 * Repeals a fastställd document: status upphävd, `upphavd_datum` and, with a
 * replacing document, `ersatts_av` (and this document's id added to the
 * other's `ersatter`). The date may lie ahead: a repeal decided now can take
 * effect later, and the document applies until then.
 */
export function planRepeal(
  text: string,
  doc: SamDoc,
  options: { date: string; file: string; replacing?: { text: string; doc: SamDoc }; lang: Lang },
): RepealPlan {
  const { lang, date } = options;
  if (doc.status === "upphävd") {
    throw refuse(
      `${doc.id} är redan upphävt${doc.upphavd_datum ? ` (${doc.upphavd_datum})` : ""}.`,
      `${doc.id} is already repealed${doc.upphavd_datum ? ` (${doc.upphavd_datum})` : ""}.`,
      lang,
    );
  }
  if (doc.status !== "fastställd") {
    throw refuse(
      `${doc.id} har status ${doc.status} (version ${doc.version}): bara ett fastställt dokument upphävs. Pågår en ny version medan en äldre gäller? Checka in utkastet om det ska sparas, återställ sedan filen till den fastställda versionen (samdok history ${doc.id} visar vilken commit den finns i) och kör samdok repeal igen. Ett utkast som aldrig fastställts tas bort i stället.`,
      `${doc.id} has status ${doc.status} (version ${doc.version}): only a fastställd document is repealed. Is a new version in progress while an older one applies? Commit the draft if it is to be kept, then restore the file to the decided version (samdok history ${doc.id} shows the commit it is in) and run samdok repeal again. A draft that was never decided is deleted instead.`,
      lang,
    );
  }
  if (doc.faststalld_datum !== undefined && date < doc.faststalld_datum) {
    throw refuse(
      `--date ${date} ligger före beslutet om dokumentet (${doc.faststalld_datum}). Ange dagen då upphävandet gäller, ${doc.faststalld_datum} eller senare.`,
      `--date ${date} is before the document was decided (${doc.faststalld_datum}). Give the day the repeal takes effect, ${doc.faststalld_datum} or later.`,
      lang,
    );
  }
  const other = options.replacing?.doc;
  if (other !== undefined) {
    if (other.id === doc.id) {
      throw refuse(
        `--replaced-by ${other.id} är samma dokument. Ange det dokument som ersätter ${doc.id}.`,
        `--replaced-by ${other.id} is the same document. Name the document that replaces ${doc.id}.`,
        lang,
      );
    }
    if (other.status === "upphävd") {
      throw refuse(
        `${other.id} är självt upphävt och kan inte ersätta ${doc.id}. Ange ett dokument som gäller eller är under arbete.`,
        `${other.id} is repealed itself and cannot replace ${doc.id}. Name a document that applies or is in progress.`,
        lang,
      );
    }
    if (doc.ersatts_av !== undefined && doc.ersatts_av !== other.id) {
      throw refuse(
        `${doc.id} anger redan ersatts_av: ${doc.ersatts_av}. Ange --replaced-by ${doc.ersatts_av}, eller rätta ersatts_av och ersatter i de två dokumenten för hand först.`,
        `${doc.id} already says ersatts_av: ${doc.ersatts_av}. Give --replaced-by ${doc.ersatts_av}, or correct ersatts_av and ersatter in the two documents by hand first.`,
        lang,
      );
    }
  }
  const ed = editor(text, lang);
  editing(ed, lang, (e) =>
    e.setTopLevelKeys({ status: "upphävd", upphavd_datum: date, ...(other !== undefined ? { ersatts_av: other.id } : {}) }, KEY_ORDER),
  );
  const plan: RepealPlan = { text: finish(ed, lang), date };
  if (options.replacing !== undefined && other !== undefined && !(other.ersatter ?? []).includes(doc.id)) {
    const theirs = editor(options.replacing.text, lang);
    editing(theirs, lang, (e) => {
      if (other.ersatter === undefined) e.setTopLevelKeys({ ersatter: [doc.id] }, KEY_ORDER);
      else e.appendToSeqAt(["ersatter"], doc.id);
    });
    plan.replacingText = finish(theirs, lang);
  }
  return plan;
}
