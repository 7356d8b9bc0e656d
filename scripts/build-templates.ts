// Writes the default .docx templates of official documents into templates/ (one per document kind).
// Run: npx tsx scripts/build-templates.ts   (the outputs are committed; run again after changing the layout)
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import PizZip from 'pizzip';
import {
  DOCUMENT_KIND_KEYS,
  DOCUMENT_KINDS,
  defaultTemplateFileName,
  type DocumentKind,
} from '../src/domain/documents/document-kinds.js';
import { cell, escapeXml, paragraph, run, table, TEXT_WIDTH } from '../src/domain/documents/ooxml.js';

const OUT = fileURLToPath(new URL('../templates/', import.meta.url));
/** A fixed date inside the zip, so that building twice gives the same bytes. */
const FIXED_DATE = new Date('2026-01-01T00:00:00Z');

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const contentTypes = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
</Types>`;

const rootRels = `${XML_HEAD}<Relationships xmlns="${PKG_REL}">
<Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="${R}/extended-properties" Target="docProps/app.xml"/>
</Relationships>`;

const documentRels = `${XML_HEAD}<Relationships xmlns="${PKG_REL}">
<Relationship Id="rId1" Type="${R}/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="${R}/settings" Target="settings.xml"/>
</Relationships>`;

const font = 'Times New Roman';
const styles = `${XML_HEAD}<w:styles xmlns:w="${W}">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:eastAsia="${font}" w:cs="${font}"/>
<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/>
<w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>
<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>`;

const settings = `${XML_HEAD}<w:settings xmlns:w="${W}"><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>
<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>
</w:settings>`;

const core = (
  title: string,
) => `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>${escapeXml(title)}</dc:title><dc:creator>Đoàn Số</dc:creator><dc:language>vi-VN</dc:language>
<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:created>
</cp:coreProperties>`;

const app = `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Đoàn Số</Application></Properties>`;

/** A paragraph holding only a template tag (loops, conditions and raw XML need a paragraph of their own). */
const tagLine = (tag: string) => paragraph(run(tag, {}, true));
const center = (text: string, style: Parameters<typeof run>[1] = {}, after?: number) =>
  paragraph(run(text, style, true), { align: 'center', after });

/** The generic layout: heading table, title, body, list, "Nơi nhận" and the signer block. */
function documentXml(): string {
  const left = 3960;
  const heading = table(
    [
      [
        cell(
          [
            center('{superiorName}', { size: 13 }),
            center('{issuerName}', { size: 13, bold: true }),
            center('***', { size: 13 }),
            center('Số: {numberText}', { size: 13 }),
          ],
          left,
        ),
        cell(
          [
            center('ĐOÀN TNCS HỒ CHÍ MINH', { size: 14, bold: true, underline: true }),
            paragraph(''),
            paragraph(''),
            center('{placeDate}', { size: 14, italic: true }),
          ],
          TEXT_WIDTH - left,
        ),
      ],
    ],
    [left, TEXT_WIDTH - left],
    { borders: false },
  );
  const recipientsWidth = 4500;
  const closing = table(
    [
      [
        cell(
          [
            tagLine('{#hasRecipients}'),
            paragraph(run('Nơi nhận:', { bold: true, italic: true, size: 12 })),
            tagLine('{/hasRecipients}'),
            tagLine('{#recipients}'),
            paragraph(run('{.}', { size: 11 }, true)),
            tagLine('{/recipients}'),
            paragraph(''),
          ],
          recipientsWidth,
        ),
        cell(
          [
            center('{signerTitle}', { size: 14, bold: true }),
            paragraph(''),
            paragraph(''),
            paragraph(''),
            paragraph(''),
            center('{signerName}', { size: 14, bold: true }),
          ],
          TEXT_WIDTH - recipientsWidth,
        ),
      ],
    ],
    [recipientsWidth, TEXT_WIDTH - recipientsWidth],
    { borders: false },
  );
  const body = [
    heading,
    paragraph(''),
    paragraph(run('{title}', { bold: true, size: 15 }, true), { align: 'center', before: 240 }),
    tagLine('{#hasAbout}'),
    center('{about}', { bold: true, size: 14 }),
    tagLine('{/hasAbout}'),
    paragraph(run('', { size: 8 }), { align: 'center', after: 120 }),
    tagLine('{@bodyXml}'),
    tagLine('{@rowsTable}'),
    paragraph(''),
    closing,
    paragraph(''),
  ].join('\n');
  const section =
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>' +
    '<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="720" w:footer="720" w:gutter="0"/>' +
    '</w:sectPr>';
  return `${XML_HEAD}<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>\n${body}\n${section}</w:body></w:document>`;
}

/** The .docx of one kind's default template. */
export function buildTemplate(kind: DocumentKind): Buffer {
  const zip = new PizZip();
  const add = (name: string, content: string) => zip.file(name, content, { date: FIXED_DATE, createFolders: false });
  add('[Content_Types].xml', contentTypes);
  add('_rels/.rels', rootRels);
  add('docProps/core.xml', core(DOCUMENT_KINDS[kind].title));
  add('docProps/app.xml', app);
  add('word/_rels/document.xml.rels', documentRels);
  add('word/styles.xml', styles);
  add('word/settings.xml', settings);
  add('word/document.xml', documentXml());
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(OUT, { recursive: true });
  for (const kind of DOCUMENT_KIND_KEYS) {
    const file = `${OUT}${defaultTemplateFileName(kind)}`;
    writeFileSync(file, buildTemplate(kind));
    console.log(`templates/${defaultTemplateFileName(kind)}`);
  }
}
