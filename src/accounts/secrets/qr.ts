/**
 * The enrolment QR code of the TOTP second factor as inline SVG: no style attribute and no
 * script (the page's Content-Security-Policy forbids both), announced to screen readers.
 */
import QRCode from 'qrcode'

const LIBELLE = 'QR code à scanner avec votre application d’authentification'

export async function qrCodeSvg(texte: string): Promise<string> {
  const brut = await QRCode.toString(texte, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  const svg = brut.trim().replace(/\s+style\s*=\s*(?:"[^"]*"|'[^']*')/gi, '')
  if (!svg.startsWith('<svg ') || /<script|<style|<foreignObject|\son[a-z]+\s*=/i.test(svg)) {
    throw new Error('SVG inattendu produit par qrcode.')
  }
  return svg.replace(/^<svg /, `<svg role="img" aria-label="${LIBELLE}" `)
}
