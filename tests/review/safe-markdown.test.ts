import { markdownToHtml } from '../../src/review/safe-markdown';

describe('markdownToHtml', () => {
  it('draws bold, italics, lists and paragraphs', () => {
    expect(markdownToHtml('**Ring** _nu_.\n\n- en\n- to\n\n1. et')).toBe(
      '<p><strong>Ring</strong> <em>nu</em>.</p>\n<ul><li>en</li><li>to</li></ul>\n<ol><li>et</li></ol>',
    );
  });

  it('links tel: and https: only, and keeps an underscore in a URL', () => {
    expect(markdownToHtml('[20 69 28 33](tel:+4520692833) [side](https://a.dk/x_y_z)')).toBe(
      '<p><a href="tel:+4520692833">20 69 28 33</a> <a href="https://a.dk/x_y_z">side</a></p>',
    );
    expect(markdownToHtml('[klik](javascript:alert(1)) [mail](mailto:a@b.dk) [http](http://a.dk)')).not.toContain('<a');
  });

  it('shows HTML in the text as text', () => {
    expect(markdownToHtml('<script>alert(1)</script> <b onclick="x">hej</b>')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;b onclick=&quot;x&quot;&gt;hej&lt;/b&gt;</p>',
    );
    expect(markdownToHtml('[<img src=x>](https://a.dk/"onmouseover="x)')).not.toMatch(/<img|"onmouseover/);
  });
});
