import { escapeHtml } from '#journeys';

function page(title: string, body: string, script = ''): string {
  return [
    '<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    '<meta name="robots" content="noindex"><meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}button{font-size:1.1rem;padding:.6rem 1.2rem}</style>',
    `</head><body>${body}${script}</body></html>`,
  ].join('');
}

/**
 * The double opt-in link's landing page. Opening it changes nothing (mail scanners and link
 * previews follow links); only the button's POST confirms. The form works without JavaScript
 * (url-encoded POST); the small script posts JSON instead and shows the answer in place.
 */
export function confirmationPage(token: string): string {
  const body = [
    '<h1>Anmeldung bestätigen · Confirm subscription</h1>',
    '<p>Bitte bestätigen Sie Ihre Einwilligung mit einem Klick.<br>Please confirm your consent with one click.</p>',
    '<form id="confirm" method="post" action="/double-opt-in/confirm">',
    `<input type="hidden" name="token" value="${escapeHtml(token)}">`,
    '<button type="submit">Bestätigen · Confirm</button></form><p id="result" role="status"></p>',
  ].join('');
  const script = `<script>document.getElementById('confirm').addEventListener('submit',function(e){e.preventDefault();var f=e.target;f.querySelector('button').disabled=true;fetch(f.action,{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify({token:f.token.value})}).then(function(r){document.getElementById('result').textContent=r.ok?'Danke, bestätigt. Thank you, confirmed.':'Dieser Link ist nicht mehr gültig. This link is no longer valid.';f.hidden=r.ok;f.querySelector('button').disabled=false;});});</script>`;
  return page('Confirm subscription', body, script);
}

/** For humans who open the List-Unsubscribe link in a browser: nothing happens until they press. */
export function unsubscribePage(token: string): string {
  const action = `/unsubscribe?token=${encodeURIComponent(token)}`;
  return page(
    'Unsubscribe',
    [
      '<h1>Abmelden · Unsubscribe</h1>',
      '<p>Möchten Sie diese Nachrichten nicht mehr erhalten?<br>Do you want to stop receiving these messages?</p>',
      `<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click">`,
      '<button type="submit">Abmelden · Unsubscribe</button></form>',
    ].join(''),
  );
}

export function unsubscribedPage(): string {
  return page(
    'Unsubscribed',
    '<h1>Abgemeldet · Unsubscribed</h1><p>Sie erhalten diese Nachrichten nicht mehr.<br>You will no longer receive these messages.</p>',
  );
}
