#!/usr/bin/env node
// Renders media/icon.svg to media/icon.png (128×128, the Marketplace icon) with the Chromium the e2e
// layer already uses (playwright-core). Run after changing the SVG: node scripts/make-icon.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH } from './codeserver.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(join(root, 'media', 'icon.svg'), 'utf8');
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true });
try {
    const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
    await page.setContent(`<!DOCTYPE html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
    const png = await page.locator('svg').screenshot({ omitBackground: true });
    writeFileSync(join(root, 'media', 'icon.png'), png);
    console.log(`media/icon.png: ${png.length} bytes`);
} finally {
    await browser.close();
}
