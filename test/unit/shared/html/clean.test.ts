import { describe, expect, it } from 'vitest';
import { cleanHtml, legacyFont } from '../../../../src-shared/html/clean';
import { cleanHref, stripTracking } from '../../../../src-shared/html/links';

/** HTML as Word puts it on the clipboard (trimmed): styles in the head, Office namespaces, list paragraphs. */
const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15">
<style><!-- p.MsoNormal {margin:0cm; font-family:"Times New Roman",serif;} --></style>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]--></head>
<body lang=VI style='tab-interval:36.0pt;word-wrap:break-word'>
<!--StartFragment--><div class=WordSection1>
<p class=MsoTitle>Hà Giang đón mùa hoa tam giác mạch</p>
<h1 style='mso-margin-top-alt:auto'><span style='mso-fareast-font-family:"Times New Roman"'>Du khách đổ về Đồng Văn</span></h1>
<p class=MsoNormal style='text-align:justify;mso-line-height-alt:12pt'><span style='font-size:13.0pt;mso-bidi-font-size:12.0pt'>Cuối tuần qua, hàng nghìn du khách đã
lên <span style='font-weight:bold;mso-bidi-font-weight:normal'>cao nguyên đá</span> để ngắm
<i style='mso-bidi-font-style:normal'>hoa tam giác mạch</i>.<o:p></o:p></span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<h4>Những điểm nên đến</h4>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-fareast-font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Dốc Thẩm Mã<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>·<span>&nbsp;&nbsp; </span></span><![endif]>Cột cờ Lũng Cú<o:p></o:p></p>
<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><!--[if !supportLists]--><span style='mso-list:Ignore'>1.<span>&nbsp; </span></span><!--[endif]-->Đặt phòng sớm</p>
<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><!--[if !supportLists]--><span style='mso-list:Ignore'>2.<span>&nbsp; </span></span><!--[endif]-->Mang áo ấm</p>
<p class=MsoNormal><span style='font-family:".VnTime",serif'>Theo Së V¨n hãa, l­îng kh¸ch t¨ng m¹nh.</span></p>
<p class=MsoNormal><span style='font-family:".VnTimeH"'>th«ng b¸o</span> <span style='font-family:"VNI-Times"'>Vieät Nam</span></p>
</div><!--EndFragment--></body></html>`;

/** A web page as a browser copies it: scripts, trackers, a form, inline handlers, hostile links. */
const WEB_HTML = `<div class="article" data-id="77" onclick="track()">
<script>window.dataLayer=[];</script><style>.x{color:red}</style>
<h2 id="t" class="title">Giá xăng giảm lần thứ ba</h2>
<p class="lead" style="color:red">Từ 15h chiều nay, <b>giá xăng</b> <em>giảm</em> hơn 500 đồng/lít.</p>
<p>Xem <a href="https://baochinhphu.vn/gia-xang.htm?utm_source=zalo&amp;utm_medium=share&amp;id=42&amp;fbclid=IwAR0&amp;gclid=abc#chi-tiet" target="_blank" rel="nofollow" onclick="go()">bảng giá</a>,
<a href="javascript:alert(document.cookie)">mục này</a>, <a href=" JaVaScRiPt:alert(1)">mục kia</a>,
<a href="data:text/html,<script>alert(1)</script>">dữ liệu</a> và <a href="mailto:toasoan@example.vn?subject=Hỏi">thư</a>.</p>
<blockquote class="quote"><p>“Giá sẽ còn giảm” — ông Minh nói.</p></blockquote>
<ul><li>Xăng RON 95<ul><li>giảm 520 đồng</li></ul></li><li>Dầu diesel <strong>tăng</strong></li></ul>
<ol><li><p>Một</p></li></ol>
<form action="/subscribe"><input name="email"><button>Đăng ký</button></form>
<iframe src="https://ads.example.com"></iframe><object data="x.swf">flash</object><svg><text>vẽ</text></svg>
<p>Dòng một<br>dòng hai<img src="x.png" onerror="alert(1)"></p>
<p>&lt;script&gt; là chữ, 5 &gt; 3 &amp; "ngoặc"</p>
</div>`;

describe('cleanHtml on Word HTML', () => {
  const out = cleanHtml(WORD_HTML);

  it('keeps headings as h2/h3, paragraphs, bold and italic, and drops Word’s noise', () => {
    expect(out).toContain('<h2>Hà Giang đón mùa hoa tam giác mạch</h2>');
    expect(out).toContain('<h2>Du khách đổ về Đồng Văn</h2>');
    expect(out).toContain('<h3>Những điểm nên đến</h3>');
    expect(out).toContain('<p>Cuối tuần qua, hàng nghìn du khách đã lên <strong>cao nguyên đá</strong> để ngắm <em>hoa tam giác mạch</em>.</p>');
    expect(out).not.toMatch(/mso|o:p|class=|style=|WordDocument|StartFragment|&nbsp;|\u00a0|<p><\/p>/);
  });

  it('turns list paragraphs into lists, bullets or numbers as Word marked them', () => {
    expect(out).toContain('<ul><li><p>Dốc Thẩm Mã</p></li><li><p>Cột cờ Lũng Cú</p></li></ul>');
    expect(out).toContain('<ol><li><p>Đặt phòng sớm</p></li><li><p>Mang áo ấm</p></li></ol>');
    expect(out).not.toContain('·');
  });

  it('converts runs in legacy fonts, capitals fonts in upper case', () => {
    expect(out).toContain('<p>Theo Sở Văn hóa, lượng khách tăng mạnh.</p>');
    expect(out).toContain('<p>THÔNG BÁO Việt Nam</p>');
  });

  it('is NFC even when the HTML is not', () => {
    expect(cleanHtml('<p>Hà Giang</p>'.normalize('NFD'))).toBe('<p>Hà Giang</p>');
  });

  it('leaves an English Word list alone: its bullets are not legacy letters', () => {
    const list = ['Coffee', 'Tea', 'Juice']
      .map((w) => `<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·<span>&nbsp; </span></span>${w} at the café</p>`)
      .join('');
    expect(cleanHtml(`<p>Menu © 2024</p>${list}`)).toBe(
      '<p>Menu © 2024</p>\n<ul><li><p>Coffee at the café</p></li><li><p>Tea at the café</p></li><li><p>Juice at the café</p></li></ul>',
    );
  });

  it('converts legacy text that arrives with no font at all', () => {
    expect(cleanHtml('<p>Hµ Giang lµ tØnh cùc B¾c cña Tæ quèc.</p>')).toBe('<p>Hà Giang là tỉnh cực Bắc của Tổ quốc.</p>');
  });
});

describe('cleanHtml on web HTML', () => {
  const out = cleanHtml(WEB_HTML);

  it('drops scripts, styles, forms, frames, objects, SVG and every attribute but href', () => {
    expect(out).not.toMatch(/dataLayer|color:red|Đăng ký|ads\.example|flash|vẽ|onclick|onerror|target=|rel=|class=| id=|data-|<img|<script/);
  });

  it('keeps safe links without trackers and keeps the text of refused ones', () => {
    expect(out).toContain('<a href="https://baochinhphu.vn/gia-xang.htm?id=42#chi-tiet">bảng giá</a>');
    expect(out).toContain('mục này, mục kia, dữ liệu và <a href="mailto:toasoan@example.vn?subject=Hỏi">thư</a>.');
    expect(out).not.toMatch(/javascript|data:|utm_|fbclid|gclid/i);
  });

  it('keeps structure: heading, lead with marks, quote, nested lists, line breaks', () => {
    expect(out).toContain('<h2>Giá xăng giảm lần thứ ba</h2>');
    expect(out).toContain('<p>Từ 15h chiều nay, <strong>giá xăng</strong> <em>giảm</em> hơn 500 đồng/lít.</p>');
    expect(out).toContain('<blockquote><p>“Giá sẽ còn giảm” — ông Minh nói.</p></blockquote>');
    expect(out).toContain('<ul><li><p>Xăng RON 95</p><ul><li><p>giảm 520 đồng</p></li></ul></li><li><p>Dầu diesel <strong>tăng</strong></p></li></ul>');
    expect(out).toContain('<ol><li><p>Một</p></li></ol>');
    expect(out).toContain('<p>Dòng một<br>dòng hai</p>');
  });

  it('escapes text', () => {
    expect(out).toContain('<p>&lt;script&gt; là chữ, 5 &gt; 3 &amp; &quot;ngoặc&quot;</p>');
  });

  it('is stable: cleaning clean HTML changes nothing', () => {
    expect(cleanHtml(out)).toBe(out);
  });
});

describe('links and fonts', () => {
  it('strips tracking parameters only', () => {
    expect(stripTracking('https://a.vn/x?utm_source=a&utm_campaign=b')).toBe('https://a.vn/x');
    expect(stripTracking('https://a.vn/x?p=2&mc_cid=1&mc_eid=2&q=ha%20giang#m')).toBe('https://a.vn/x?p=2&q=ha%20giang#m');
    expect(stripTracking('https://a.vn/x#utm_source=a')).toBe('https://a.vn/x#utm_source=a');
  });

  it('refuses every scheme but http, https and mailto', () => {
    for (const bad of ['javascript:alert(1)', 'java\tscript:alert(1)', 'vbscript:x', 'data:text/html,x', 'file:///etc/passwd', '/relative', '//host/x']) {
      expect(cleanHref(bad), bad).toBeNull();
    }
    expect(cleanHref(' https://a.vn ')).toBe('https://a.vn');
  });

  it('knows the legacy fonts', () => {
    expect(legacyFont('".VnTime", serif')).toEqual({ encoding: 'tcvn3', capitals: false });
    expect(legacyFont("'.VnArialH'")).toEqual({ encoding: 'tcvn3', capitals: true });
    expect(legacyFont('VNI-Times')).toEqual({ encoding: 'vni', capitals: false });
    expect(legacyFont('"Times New Roman"')).toEqual({ encoding: null, capitals: false });
  });
});
