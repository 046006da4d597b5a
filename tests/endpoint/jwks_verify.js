#!/usr/bin/env node
/*
 * A JWT checked against a JWKS as a relying party checks it, with node's
 * built-in crypto only (no packages):
 *
 *   node jwks_verify.js JWKS_FILE TOKEN_FILE TYP
 *
 * - the header's kid names a key of the set (RFC 7517 §5), whose alg
 *   the header's alg is (RFC 8725 §3.1), and typ is TYP;
 * - the signature verifies with that key (ECDSA as raw r||s, RFC 7518
 *   §3.4; EdDSA over Ed25519, RFC 8037 §3.1).
 *
 * Exit 0 when all hold, 1 otherwise (reason on stderr), 2 on usage error.
 */
'use strict';

const crypto = require('crypto');
const fs = require('fs');

function fail(why) {
	process.stderr.write('jwks_verify: ' + why + '\n');
	process.exit(1);
}

function unb64url(s) {
	if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1)
		fail('not base64url: ' + JSON.stringify(s));
	return Buffer.from(s, 'base64url');
}

function main(argv) {
	if (argv.length !== 3) {
		process.stderr.write('usage: jwks_verify.js JWKS_FILE ' +
		    'TOKEN_FILE TYP\n');
		process.exit(2);
	}
	const [jwksFile, tokenFile, typ] = argv;
	const jwks = JSON.parse(fs.readFileSync(jwksFile, 'utf8'));
	const parts = fs.readFileSync(tokenFile, 'utf8').trim().split('.');
	if (parts.length !== 3)
		fail('not a compact JWS');
	const header = JSON.parse(unb64url(parts[0]).toString('utf8'));
	JSON.parse(unb64url(parts[1]).toString('utf8'));
	if (header.typ !== typ)
		fail('typ ' + header.typ + ', expected ' + typ);
	const jwk = (jwks.keys || []).find((k) => k.kid === header.kid);
	if (jwk === undefined)
		fail('no key of kid ' + header.kid + ' in the JWKS');
	if (jwk.alg !== header.alg)
		fail('alg ' + header.alg + ', the key is ' + jwk.alg);
	const pub = crypto.createPublicKey({ key: jwk, format: 'jwk' });
	const data = Buffer.from(parts[0] + '.' + parts[1], 'ascii');
	const sig = unb64url(parts[2]);
	if (header.alg === 'ES256' && sig.length !== 64)
		fail('ES256 signature of ' + sig.length + ' bytes, not 64');
	if (!crypto.verify(header.alg === 'EdDSA' ? null : 'sha256', data,
	    { key: pub, dsaEncoding: 'ieee-p1363' }, sig))
		fail('bad signature');
	process.stderr.write('jwks_verify: ok (' + header.alg + ')\n');
	process.exit(0);
}

try {
	main(process.argv.slice(2));
} catch (e) {
	fail(e.message);
}
