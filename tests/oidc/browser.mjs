/*
 * A user agent just big enough for cpassport's HTML pages, for
 * openid_client.mjs: node's fetch with redirects by hand, one cookie jar,
 * and forms read from the page (action, hidden inputs, submit buttons).
 * No script runs; what a page asks, the caller answers (fill()).
 */

const ENTITIES = { amp: '&', quot: '"', '#39': "'", lt: '<', gt: '>' };

function unescape(s) {
	return s.replace(/&(amp|quot|#39|lt|gt);/g, (_, e) => ENTITIES[e]);
}

function attr(tag, name) {
	const m = tag.match(new RegExp(`\\s${name}="([^"]*)"`, 'i'));
	return m ? unescape(m[1]) : null;
}

/*
 * The forms of a page: [{ action, method, fields: {name: value} of its
 * inputs with a value, buttons: [{name, value, id}] }], in page order.
 */
export function forms(html) {
	const out = [];
	for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
		const f = {
			action: attr(m[1], 'action'),
			method: (attr(m[1], 'method') || 'get').toLowerCase(),
			fields: {}, inputs: [], buttons: [],
		};
		for (const i of m[2].matchAll(/<input\b[^>]*>/gi)) {
			const name = attr(i[0], 'name');
			if (name === null)
				continue;
			f.inputs.push({ name, type: attr(i[0], 'type') || 'text' });
			const v = attr(i[0], 'value');
			if (v !== null)
				f.fields[name] = v;
		}
		for (const b of m[2].matchAll(/<button\b[^>]*>/gi))
			f.buttons.push({ name: attr(b[0], 'name'),
			    value: attr(b[0], 'value'), id: attr(b[0], 'id') });
		out.push(f);
	}
	return out;
}

export class Browser {
	constructor(base) {
		this.base = new URL(base);
		this.jar = new Map();
	}

	/* A new browser: no cookies, no session. */
	clear() {
		this.jar.clear();
	}

	keep(res) {
		for (const c of res.headers.getSetCookie()) {
			const [pair, ...attrs] = c.split(';');
			const eq = pair.indexOf('=');
			const name = pair.slice(0, eq).trim();
			const value = pair.slice(eq + 1).trim();
			const gone = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) ||
			    value === '';
			if (gone)
				this.jar.delete(name);
			else
				this.jar.set(name, value);
		}
	}

	/*
	 * One request to this server, cookies sent and kept; no redirect
	 * followed.  Returns { status, location, body, headers }.
	 */
	async request(url, init = {}) {
		const u = new URL(url, this.base);
		if (u.origin !== this.base.origin)
			throw new Error(`browser: not this server: ${u.origin}`);
		const headers = { ...(init.headers || {}) };
		if (this.jar.size > 0)
			headers.cookie = [...this.jar].map(([k, v]) => `${k}=${v}`)
			    .join('; ');
		const res = await fetch(u, { ...init, headers, redirect: 'manual' });
		this.keep(res);
		return { status: res.status, location: res.headers.get('location'),
		    body: await res.text(), headers: res.headers };
	}

	get(url) {
		return this.request(url);
	}

	/* Submit FORM with its fields, then EXTRA (the button's, typed ones). */
	submit(form, extra = {}) {
		const body = new URLSearchParams({ ...form.fields, ...extra });
		if (form.method !== 'post')
			throw new Error(`browser: form method ${form.method}`);
		return this.request(form.action, { method: 'POST', body,
		    headers: { 'content-type': 'application/x-www-form-urlencoded' } });
	}

	/*
	 * From URL on: follow redirects on this server and answer each page
	 * with fill(page, forms) -> { form, extra } (or null: stop there),
	 * until a redirect leaves the server or a page is not answered.
	 * Returns { location } for the redirect out, else the last response;
	 * pages: what each step saw, for the caller's checks.
	 */
	async drive(url, fill, max = 10) {
		let r = await this.get(url);
		const pages = [];
		for (let i = 0; i < max; i++) {
			if (r.status >= 300 && r.status < 400 && r.location) {
				const next = new URL(r.location, this.base);
				if (next.origin !== this.base.origin)
					return { ...r, out: next, pages };
				r = await this.get(next);
				continue;
			}
			pages.push(r);
			const answer = fill(r, forms(r.body));
			if (answer === null)
				return { ...r, pages };
			r = await this.submit(answer.form, answer.extra);
		}
		throw new Error('browser: too many steps');
	}
}
