import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/mapping/csv";
import { checkMapping } from "../../src/mapping/mapping";
import { nameMatches } from "../../src/mapping/name-match";
import { normaliseRecords } from "../../src/mapping/normalise";
import { proposedMapping, proposeMapping } from "../../src/mapping/proposal";
import { readSourceSheet } from "../../src/mapping/source-sheet";

/** The layouts issue 15 names, each as a class: more than the one corpus file that stands for it. */
const sheetOf = (text: string) => {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return readSourceSheet(parsed.rows);
};
const context = { siteCountry: new Map([["London", "GB"]]), defaultCountry: "US" };

describe("layouts that defeated the mapping", () => {
  it("takes the row of field names as the header, under a row that groups them", () => {
    for (const group of ["Employee,,Contact", "Person,,Reach", "A,,B"]) {
      const sheet = sheetOf(`${group}\nGiven,Family,E-mail\nAnn,Lee,ann@example.com\nBo,Chan,bo@example.com\n`);
      expect(sheet.headers).toEqual(["Given", "Family", "E-mail"]);
      expect(sheet.records.map((r) => r.where)).toEqual(["row 3", "row 4"]);
    }
  });

  it("finds the labels of a vertical sheet after an index column, whatever the index looks like", () => {
    for (const index of [
      ["1", "2", "3"],
      ["1.", "2.", "3."],
      ["a", "b", "c"],
    ]) {
      const sheet = sheetOf(
        `${index[0]},Kind,User,User\n${index[1]},Mail,ann@example.com,bo@example.com\n${index[2]},Ext.,101,102\n`,
      );
      expect(sheet.orientation).toBe("vertical");
      expect(sheet.headers).toEqual(["Kind", "Mail", "Ext."]);
      expect(proposedMapping(proposeMapping(sheet))).toMatchObject({ userType: "Kind", email: "Mail", ext: "Ext." });
    }
  });

  it("matches a header through a database suffix, and a misleading word still stops it", () => {
    for (const [header, field] of [
      ["SITE_CODE", "site"],
      ["DEPT_NAME", "dept"],
      ["ROLE_NAME", "role"],
      ["site_cd", "site"],
      ["UserTypeCode", "userType"],
    ])
      expect(nameMatches(header as string)[0], header).toMatchObject({ field, confidence: 0.9 });
    for (const header of ["ZIP_CODE", "COST_CENTER_CODE", "MANAGER_NAME", "EMP_ID", "AREA_CODE"])
      expect(
        nameMatches(header).filter((m) => m.confidence >= 0.5),
        header,
      ).toEqual([]);
  });

  it("reads a Teams LineURI as the phone number and, with no Ext column, the extension", () => {
    const sheet = sheetOf(
      "DisplayName\tUserPrincipalName\tLineURI\nAnn Lee\tann@example.com\ttel:+12125550101;ext=101\nBo Chan\tbo@example.com\ttel:+12125550102;ext=102\n",
    );
    const mapping = proposedMapping(proposeMapping(sheet));
    expect(mapping).toMatchObject({ phone: "LineURI", ext: "LineURI", email: "UserPrincipalName" });
    expect(checkMapping(sheet, mapping).filter((p) => p.severity === "error")).toEqual([]);
    const { rows } = normaliseRecords(sheet, mapping, context);
    expect(rows.map((r) => [r.values.phone, r.values.ext])).toEqual([
      ["+12125550101", "101"],
      ["+12125550102", "102"],
    ]);
  });

  it("makes national numbers E.164 with the row's own country, else its site's, else the workspace's", () => {
    const sheet = sheetOf(
      "Email,Phone,Country,Site\na@example.com,020 7946 0101,United Kingdom,\nb@example.com,(512) 555-0101,us,London\nc@example.com,020 7946 0102,,London\nd@example.com,(650) 555-0101,,\n",
    );
    const mapping = proposedMapping(proposeMapping(sheet));
    expect(mapping.phone).toBe("Phone");
    const { rows } = normaliseRecords(sheet, mapping, context);
    expect(rows.map((r) => r.values.phone)).toEqual(["+442079460101", "+15125550101", "+442079460102", "+16505550101"]);
  });

  it('splits "Last, First" full names, and "First Last" ones', () => {
    const sheet = sheetOf('"Name (Last, First)",Email\n"Ritchie, Dennis",d@example.com\nKen Thompson,k@example.com\n');
    const mapping = proposedMapping(proposeMapping(sheet));
    const { rows } = normaliseRecords(sheet, mapping, context);
    expect(rows.map((r) => [r.values.firstName, r.values.lastName])).toEqual([
      ["Dennis", "Ritchie"],
      ["Ken", "Thompson"],
    ]);
  });

  it("leaves a column for the person, and says why, when two fields fit it equally or only a weak one does", () => {
    const tie = proposeMapping(sheetOf("Email,Phone 1,Phone 2\na@example.com,+15035550101,+15035550201\n"));
    expect(tie.phone).toMatchObject({ source: null, unsure: expect.stringMatching(/"Phone 1" and "Phone 2" fit Phone #/) });
    const weak = proposeMapping(sheetOf("Email,Extension\na@example.com,yes\nb@example.com,no\n"));
    expect(weak.ext).toMatchObject({ source: null, unsure: expect.stringMatching(/^Maybe "Extension"/) });
    // A clear winner is proposed without a word of doubt.
    const clear = proposeMapping(sheetOf("Email,Phone,Phone 2\na@example.com,+15035550101,+15035550201\n"));
    expect(clear.phone).toMatchObject({ source: "Phone" });
    expect(clear.phone.unsure).toBeUndefined();
  });
});
