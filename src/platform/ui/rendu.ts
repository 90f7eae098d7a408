/**
 * Turns a page (a preact tree whose root is `<html>`) into the HTML document sent to browsers.
 * preact-render-to-string escapes every text and attribute value: data never becomes markup.
 */
import type { VNode } from 'preact'
import { render } from 'preact-render-to-string'

export function rendreDocument(page: VNode): string {
  return `<!doctype html>${render(page)}`
}
