// The HTML that comes with pasted agenda rows and ModernGov item descriptions, read the way a
// browser shows it: paragraphs and list items are sub-points, a line break in the source is a
// space, Word's hidden markup is never text.
import { describe, expect, it } from 'vitest';
import { decodeEntities, hasHtml, htmlToParagraphs, splitHtml } from '../../../src/domain/agenda/html-fragment.ts';

describe('decodeEntities', () => {
  it('decodes every named reference, not a short list', () => {
    expect(decodeEntities('Caf&eacute; &rarr; Town Hall &ndash; &frac12; &hellip;')).toBe('Café → Town Hall – ½ …');
    expect(decodeEntities('Members&#39; &#x2018;questions&#8217;')).toBe("Members' \u2018questions\u2019");
  });

  it('leaves an ampersand that is not a reference alone', () => {
    expect(decodeEntities('R&D, A&E and Q&A; &notareference; fish & chips')).toBe('R&D, A&E and Q&A; &notareference; fish & chips');
  });
});

describe('htmlToParagraphs', () => {
  it('reads a line break inside a paragraph as a space (Manchester, Audit Committee, 10 February 2026)', () => {
    const html = '<div class="WordSection1">\n<p class="MsoNormal"><span style="">To approve as a correct record\nthe minutes of the meeting held on 25 November 2025.</span></p>\n</div>\n';
    expect(htmlToParagraphs(html)).toEqual(['To approve as a correct record the minutes of the meeting held on 25 November 2025.']);
  });

  it('decodes &eacute; and &rarr; inside HTML', () => {
    expect(htmlToParagraphs('<p>Caf&eacute; licensing &rarr; next steps</p>')).toEqual(['Café licensing → next steps']);
  });

  it('never turns a Word conditional comment or its <style> into a sub-point', () => {
    const html =
      '<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View><w:Zoom>0</w:Zoom></w:WordDocument></xml><![endif]-->' +
      '<!--[if gte mso 10]><style>table.MsoNormalTable {mso-style-name:"Table Normal";}</style><![endif]-->' +
      '<style>p.MsoNormal, li.MsoNormal {margin:0cm; font-size:11.0pt;}</style>' +
      '<p class=MsoNormal>Report of the Head of Licensing<o:p></o:p></p>';
    expect(htmlToParagraphs(html)).toEqual(['Report of the Head of Licensing']);
  });

  it('drops the content of script, style, head and Word <xml> blocks', () => {
    const html =
      '<html><head><title>Agenda item</title><meta charset="utf-8"><style>body{color:red}</style></head><body>' +
      '<script>document.write("tracking")</script><xml><o:DocumentProperties><o:Author>clerk</o:Author></o:DocumentProperties></xml>' +
      '<p>Budget monitoring</p><noscript>Enable JavaScript</noscript></body></html>';
    expect(htmlToParagraphs(html)).toEqual(['Budget monitoring']);
  });

  it('reads Word list paragraphs, with their Symbol-font bullet and hidden spaces, as one point each (Gloucester, Cabinet, 21 November 2025)', () => {
    const bullet = (text: string) =>
      `<p class="MsoListParagraphCxSpMiddle" style="text-indent:-18.0pt">\n<span style="font-family:Symbol"><span style=\n"">&middot;<span style="font:7.0pt &quot;Times New Roman&quot;">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;</span></span></span>\n${text}</p>\n`;
    const html =
      '<div class="WordSection1">\n<p class="MsoNormal">Any Member of the Council may ask the Leader\nof the Council or any Cabinet Member any question upon:</p>\n<p class="MsoNormal">&nbsp;</p>\n' +
      bullet('Any matter relating to the Council&rsquo;s administration') +
      bullet('Any matter relating to any report of the Cabinet appearing on the\nsummons') +
      '<p class="MsoNormal">&nbsp;</p>\n</div>\n';
    expect(htmlToParagraphs(html)).toEqual([
      'Any Member of the Council may ask the Leader of the Council or any Cabinet Member any question upon:',
      'Any matter relating to the Council\u2019s administration',
      'Any matter relating to any report of the Cabinet appearing on the summons',
    ]);
  });

  it('reads Word bullets written as downlevel-revealed blocks and as "o" in Courier New', () => {
    const html =
      "<p class=MsoListParagraph><![if !supportLists]><span style='font-family:Symbol'>\uF0B7<span style='font:7.0pt'>&nbsp;&nbsp; </span></span><![endif]>Performance</p>" +
      "<p class=MsoListParagraph style='margin-left:72pt'><!--[if !supportLists]--><span style='font-family:\"Courier New\"'>o<span>&nbsp;&nbsp;&nbsp;</span></span><!--[endif]-->Burglary</p>" +
      '<p>own goals are not bullets</p>';
    expect(htmlToParagraphs(html)).toEqual(['Performance', 'Burglary', 'own goals are not bullets']);
  });

  it('gives each item of nested lists its own point, in order', () => {
    const html = '<p>Update on:</p><ul><li>Performance<ul><li>Burglary</li><li>Robbery</li></ul></li><li>Crime trends</li></ul><ol><li>First</li></ol>';
    expect(htmlToParagraphs(html)).toEqual(['Update on:', 'Performance', 'Burglary', 'Robbery', 'Crime trends', 'First']);
  });

  it('starts a new point after <br>, and drops empty ones', () => {
    expect(htmlToParagraphs('<p>Report of the Director<br>Appendix A attached<br/><br />&nbsp;</p><p>&nbsp;</p><p> </p>')).toEqual([
      'Report of the Director',
      'Appendix A attached',
    ]);
  });

  it('turns &nbsp; into an ordinary space', () => {
    expect(htmlToParagraphs('<p>10&nbsp;minutes&nbsp;&nbsp;each</p>')).toEqual(['10 minutes each']);
  });

  it('decodes references ModernGov encoded twice', () => {
    // After the XML layer, the HTML still says "&amp;#39;": the text reads "&#39;" until decoded again.
    expect(htmlToParagraphs('<p>Leader and Cabinet Members&amp;#39; Question Time &amp;amp; answers</p>')).toEqual([
      "Leader and Cabinet Members' Question Time & answers",
    ]);
  });

  it('reads table cells and headings as points of their own', () => {
    expect(htmlToParagraphs('<h3>Decision</h3><table><tr><td>Option 1</td><td>Single unitary</td></tr></table>')).toEqual(['Decision', 'Option 1', 'Single unitary']);
  });

  it('reads plain text by paragraphs: wrapped lines join, blank lines and bullets separate', () => {
    expect(htmlToParagraphs('To approve as a correct record\nthe minutes of the last meeting.\n\n• Performance\n• Crime\ntrends')).toEqual([
      'To approve as a correct record the minutes of the last meeting.',
      'Performance',
      'Crime trends',
    ]);
  });
});

describe('splitHtml (a pasted line)', () => {
  it('keeps the columns around an embedded list and reads its items', () => {
    expect(splitHtml('7.\tCCTV <ul style="list-style-type: none"><li>&bull; Public Space CCTV</li><li>• ANPR &amp; cameras</li></ul>\t19 - 26')).toEqual({
      text: '7.\tCCTV \t\t\t19 - 26',
      listItems: ['Public Space CCTV', 'ANPR & cameras'],
    });
  });

  it('ignores a Word comment and style block pasted with the line', () => {
    const split = splitHtml('<!--[if gte mso 9]><xml><w:WordDocument/></xml><![endif]--><style>p{margin:0}</style>5.\tCaf&eacute; licences &rarr; review\t13 - 18');
    expect(split).toEqual({ text: '5.\tCafé licences → review\t13 - 18', listItems: [] });
  });

  it('decodes a line with no tags and turns hard spaces into spaces', () => {
    expect(splitHtml('3.&nbsp;Apologies &ndash; Caf&eacute;')).toEqual({ text: '3. Apologies – Café', listItems: [] });
  });

  it('reads nested list items in order', () => {
    expect(splitHtml('Title <ul><li>A<ul><li>B</li></ul></li><li>C</li></ul>').listItems).toEqual(['A', 'B', 'C']);
  });
});

describe('hasHtml', () => {
  it('sees tags, comments and Word conditional blocks, and not a comparison', () => {
    expect(hasHtml('<p>x</p>')).toBe(true);
    expect(hasHtml('<!--[if gte mso 9]>')).toBe(true);
    expect(hasHtml('<![if !supportLists]>')).toBe(true);
    expect(hasHtml('<o:p></o:p>')).toBe(true);
    expect(hasHtml('pages 5 < 7 and 9 > 3')).toBe(false);
  });
});
