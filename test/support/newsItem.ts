/**
 * A news item as a government site prints it: its dateline on the first line, a title, then a
 * story with `วันนี้`, `11-14 ก.ค.` and `ปีนี้`, which resolve against the dateline's date.
 * Written for the tests (the same text as test/fixtures/workspace/dated-news.txt).
 */
export const NEWS_ITEM =
  'วันจันทร์ที่ 26 พฤษภาคม 2568\n' +
  'นายกรัฐมนตรีหารือกับผู้แทนญี่ปุ่น\n' +
  'วันนี้ นายกรัฐมนตรีให้การต้อนรับคณะผู้แทนญี่ปุ่น ซึ่งจะกลับมาเยือนอีกครั้งระหว่างวันที่ 11-14 ก.ค. และทั้งสองฝ่ายตั้งเป้าลงนามความตกลงภายในปีนี้\n';
