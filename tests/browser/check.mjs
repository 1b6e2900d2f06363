// Loads a routine book in Debian's chromium (headless, no network, fresh
// profile) and reports as JSON: console errors, page errors, failed
// requests, elements wider than an A4 page (screen at 210 mm, print at the
// 178 mm between the margins), the PDF's size, and how much of a full-page
// screenshot is not white. Usage: node check.mjs BOOK.html SHOT.png PROFILE_DIR
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';

const [book, shot, profile] = process.argv.slice(2);
const A4_SCREEN = 794; // 210 mm at 96 px per inch
const A4_PRINT = 673;  // 178 mm: A4 less the book's 16 mm margins

const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: A4_SCREEN, height: 1123 },
});
const report = { console: [], errors: [], failed: [], overflow: {}, pdfBytes: 0, inked: 0 };
try {
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') report.console.push(m.text()); });
  page.on('pageerror', (e) => report.errors.push(String(e)));
  page.on('requestfailed', (r) => report.failed.push(r.url()));
  // Nothing but the book itself may be loaded.
  await page.route('**/*', (route) =>
    route.request().url().startsWith('file:') ? route.continue() : route.abort());
  await page.goto(pathToFileURL(book).href, { waitUntil: 'load' });

  const wide = (limit) => page.evaluate((limit) => {
    const out = [];
    if (document.documentElement.scrollWidth > limit) out.push(`page ${document.documentElement.scrollWidth}px`);
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > limit + 1) out.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.right)}px`);
    }
    return out.slice(0, 20);
  }, limit);
  report.overflow.screen = await wide(A4_SCREEN);
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: A4_PRINT, height: 1123 });
  report.overflow.print = await wide(A4_PRINT);
  report.pdfBytes = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).length;
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: A4_SCREEN, height: 1123 });
  const png = await page.screenshot({ path: shot, fullPage: true });

  // Count the screenshot's non-white pixels in a blank page of its own.
  const blank = await context.newPage();
  report.inked = await blank.evaluate(async (data) => {
    const img = new Image();
    img.src = `data:image/png;base64,${data}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width; canvas.height = img.height;
    const cx = canvas.getContext('2d');
    cx.drawImage(img, 0, 0);
    const px = cx.getImageData(0, 0, img.width, img.height).data;
    let inked = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i] < 200 || px[i + 1] < 200 || px[i + 2] < 200) inked++;
    return inked / (img.width * img.height);
  }, png.toString('base64'));
} finally {
  await context.close();
}
console.log(JSON.stringify(report));
