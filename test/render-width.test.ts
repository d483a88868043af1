import { describe, expect, it } from "vitest";
import table from "../src/operation/render/east-asian-wide.json" with { type: "json" };
import { textWidth } from "../src/operation/render/width.js";

// Expected widths are what awscli's table output computes (Python 3.11's unicodedata).
describe("textWidth (the generated East Asian width table)", () => {
  it("comes from the Unicode version the recorded AWS CLI ran on", () => {
    expect(table.unicodeVersion).toBe("14.0.0");
  });

  it("counts ASCII and halfwidth forms as one column", () => {
    expect(textWidth("abc")).toBe(3);
    expect(textWidth("~\x7f")).toBe(2);
    expect(textWidth("ｱ")).toBe(1);
    expect(textWidth("\u00a2")).toBe(1);
  });

  it("counts wide, fullwidth and ambiguous code points as two", () => {
    expect(textWidth("中文")).toBe(4);
    expect(textWidth("ｚ")).toBe(2);
    expect(textWidth("😀")).toBe(2);
    expect(textWidth("α")).toBe(2);
    expect(textWidth("Жж")).toBe(4);
    // The first and last code points of the table.
    expect(textWidth("\u00a1")).toBe(2);
    expect(textWidth("\u{10ffff}")).toBe(2);
  });

  it("counts each code point, combining marks (ambiguous) as two and unassigned ones (F) too", () => {
    expect(textWidth("e\u0301")).toBe(3);
    expect(textWidth("\u{40000}")).toBe(2);
  });
});
