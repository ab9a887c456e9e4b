/**
 * finish.ts on PDF text shaped like LibreOffice 7.4's: the clock's dates
 * and the trailer's identifier and checksum are overwritten in place, the
 * file keeps its length (so its cross-reference offsets stay right), and two
 * conversions that differ only there become the same bytes.
 */
import { describe, expect, it } from "vitest";
import { missingAccessibility, reproduciblePdf } from "../../src/render/pdf/finish.js";

/** A PDF as LibreOffice writes one, with a binary stream and the clock at `time`. */
function libreOfficePdf(time: { info: string; xmp: string }, id: string, checksum: string, body = "BT (Hej) Tj ET"): Uint8Array {
  const head = Buffer.from("%PDF-1.6\n%\u00e4\u00fc\u00f6\u00df\n1 0 obj\n<</Length 12>>\nstream\n", "latin1");
  const binary = Buffer.from([0x00, 0xff, 0x80, 0x0a, 0x28, 0x29, 0x5c, 0xfe, 0x01, 0x02, 0x03, 0x04]);
  const tail = Buffer.from(
    `\nendstream\nendobj\n2 0 obj\n<</Type/Catalog/StructTreeRoot 3 0 R/Lang(sv-SE)/MarkInfo<</Marked true>>>>\nendobj\n` +
      `4 0 obj\n<</Type/Metadata/Subtype/XML/Length 80>>\nstream\n<xmp:CreatorTool>Writer</xmp:CreatorTool>\n<xmp:CreateDate>${time.xmp}</xmp:CreateDate>\nendstream\nendobj\n` +
      `5 0 obj\n<</Producer<FEFF004C>\n/CreationDate(${time.info})>>\nendobj\n6 0 obj\n<</Length 14>>stream\n${body}\nendstream\nendobj\n` +
      `xref\n0 7\ntrailer\n<</Size 7/Root 2 0 R\n/Info 5 0 R\n/ID [ <${id}>\n<${id}> ]\n/DocChecksum /${checksum}\n>>\nstartxref\n123\n%%EOF\n`,
    "latin1",
  );
  return new Uint8Array(Buffer.concat([head, binary, tail]));
}

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString("latin1");
/** 2026-01-01 00:00:00 UTC. */
const STAMP = new Date(Date.UTC(2026, 0, 1));

describe("reproduciblePdf", () => {
  const utc = libreOfficePdf(
    { info: "D:20261203070112Z'", xmp: "2026-12-03T07:01:12Z" },
    "8906B7E54036CF2833EB0F81D57396DE",
    "03189475E5C686D5D6C57B8A0F587C63",
  );
  const later = libreOfficePdf(
    { info: "D:20261204101502Z'", xmp: "2026-12-04T10:15:02Z" },
    "A1B2C3D4E5F60718293A4B5C6D7E8F90",
    "FFEEDDCCBBAA99887766554433221100",
  );

  it("puts the edition's timestamp in the document information and the XMP metadata", () => {
    const text = latin1(reproduciblePdf(utc, STAMP));
    expect(text).toContain("/CreationDate(D:20260101000000Z')");
    expect(text).toContain("<xmp:CreateDate>2026-01-01T00:00:00Z</xmp:CreateDate>");
  });

  it("keeps every byte's place: the same length, the binary stream unchanged", () => {
    const fixed = reproduciblePdf(utc, STAMP);
    expect(fixed.length).toBe(utc.length);
    expect(Buffer.from(fixed.subarray(0, 80)).equals(Buffer.from(utc.subarray(0, 80)))).toBe(true);
    expect(latin1(fixed)).toContain("/DocChecksum /");
    expect(latin1(fixed)).toMatch(/startxref\n123\n%%EOF\n$/);
  });

  it("makes two conversions that differ only in the clock, identifier and checksum the same bytes", () => {
    const a = reproduciblePdf(utc, STAMP);
    const b = reproduciblePdf(later, STAMP);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(latin1(a)).not.toContain("8906B7E54036CF2833EB0F81D57396DE");
    expect(latin1(a)).not.toContain("03189475E5C686D5D6C57B8A0F587C63");
  });

  it("gives another document another identifier", () => {
    const other = libreOfficePdf(
      { info: "D:20261203070112Z'", xmp: "2026-12-03T07:01:12Z" },
      "8906B7E54036CF2833EB0F81D57396DE",
      "03189475E5C686D5D6C57B8A0F587C63",
      "BT (Hoj) Tj ET",
    );
    const idOf = (pdf: Uint8Array): string => /\/ID \[ <([0-9A-F]+)>/.exec(latin1(pdf))?.[1] ?? "";
    expect(idOf(reproduciblePdf(other, STAMP))).not.toBe(idOf(reproduciblePdf(utc, STAMP)));
    expect(idOf(reproduciblePdf(utc, STAMP))).toHaveLength(32);
  });

  it("writes a date made in another time zone in UTC, at the same length", () => {
    const stockholm = libreOfficePdf(
      { info: "D:20261203080231+01'00'", xmp: "2026-12-03T08:02:31+01:00" },
      "8906B7E54036CF2833EB0F81D57396DE",
      "03189475E5C686D5D6C57B8A0F587C63",
    );
    const fixed = reproduciblePdf(stockholm, STAMP);
    expect(fixed.length).toBe(stockholm.length);
    expect(latin1(fixed)).toContain("/CreationDate(D:20260101000000+00'00')");
    expect(latin1(fixed)).toContain("<xmp:CreateDate>2026-01-01T00:00:00+00:00</xmp:CreateDate>");
  });
});

describe("missingAccessibility", () => {
  it("finds nothing missing in a tagged PDF with a language", () => {
    expect(missingAccessibility(libreOfficePdf({ info: "D:20261203070112Z'", xmp: "2026-12-03T07:01:12Z" }, "00", "00"))).toEqual([]);
  });

  it("names what an untagged PDF (an old LibreOffice) lacks", () => {
    const untagged = new Uint8Array(Buffer.from("%PDF-1.4\n1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n%%EOF\n", "latin1"));
    expect(missingAccessibility(untagged)).toEqual(["/StructTreeRoot", "/MarkInfo /Marked true", "/Lang"]);
  });
});
