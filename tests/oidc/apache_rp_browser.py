#!/usr/bin/python3
"""apache-rp.sh in a real browser: headless Chromium (Debian's
chromium, chromium-driver, python3-selenium) signs in to an Apache whose
/private/ is behind mod_auth_openidc with cpassport as the OpenID
Provider, then signs out through cpassport's end_session_endpoint.  Prints
"ok"/"not ok" lines without a plan: apache-rp.sh renumbers them into its
TAP stream.  One browser, one fresh profile, for the whole walk (each
check builds on the one before); every wait is bounded (WAIT seconds).

usage: apache_rp_browser.py walk | form-post ALG
  walk       sign in, the claims, sign out, sign in again
  form-post  sign in once, the RP asking response_mode=form_post, its
             client's id_tokens signed with ALG

Environment: ISSUER RP ARTIFACTS USER_EMAIL USER_PASSWORD USER_SUB
CLAIM_SCOPE CLAIM_VALUE SCOPE_DESCRIPTION CLIENT_NAME, and PGHOST PGPORT
PGUSER PGDATABASE for psql (the user's session rows at cpassport)."""
import base64
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

E = os.environ
ISSUER, RP, ARTIFACTS = E["ISSUER"], E["RP"], E["ARTIFACTS"]
WAIT = 20                       # seconds, every wait and page load
CHROME_ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--window-size=1280,900")
n = 0
failed = False


def check(name):
    """Decorator: run the function now; ok unless it raises.  Once one
    fails, the later ones (which stand on it) fail without running."""
    def run(fn):
        global n, failed
        n += 1
        try:
            if failed:
                raise AssertionError("not run: an earlier step failed")
            fn()
            print(f"ok {n} - {name}")
        except Exception as e:  # any failure is "not ok", the run goes on
            failed = True
            print(f"not ok {n} - {name}")
            msg = str(e).strip() or repr(e)
            print(f"# {type(e).__name__}: {msg}".replace("\n", "\n# "))
        sys.stdout.flush()
    return run


def wait(d, cond, what):
    return WebDriverWait(d, WAIT, ignored_exceptions=(WebDriverException,)).until(
        cond, f"waited {WAIT} s for {what} (at {d.current_url})")


def loaded(d):
    wait(d, lambda d: d.execute_script("return document.readyState") == "complete",
         "the page to finish loading")


def split(url):
    return urllib.parse.urlsplit(url)


def query_of(url):
    return urllib.parse.parse_qs(split(url).query)


def at(d, base, path):
    """The browser is at base + path (no matter the query)."""
    u = split(d.current_url)
    assert f"{u.scheme}://{u.netloc}{u.path}" == base + path, \
        f"at {d.current_url}, want {base}{path}"


def shot(d, name):
    """The whole page as ARTIFACTS/name."""
    m = d.execute_cdp_cmd("Page.getLayoutMetrics", {})
    content = m.get("cssContentSize") or m["contentSize"]
    view = m.get("cssLayoutViewport") or m["layoutViewport"]
    clip = {"x": 0, "y": 0, "scale": 1,
            "width": max(content["width"], view["clientWidth"]),
            "height": max(content["height"], view["clientHeight"])}
    png = d.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True, "clip": clip})
    with open(os.path.join(ARTIFACTS, name), "wb") as f:
        f.write(base64.b64decode(png["data"]))


def click_and_wait(d, element):
    element.click()
    wait(d, EC.staleness_of(element), "the page after the click")
    loaded(d)


def sessions():
    """How many login sessions the user has at cpassport."""
    return subprocess.run(
        ["psql", "-X", "-Atqc", "SELECT count(*) FROM oauth_sessions s JOIN users u"
         " ON u.id = s.user_id WHERE u.email = '" + E["USER_EMAIL"] + "'"],
        check=True, capture_output=True, text=True).stdout.strip()


def login_form(d):
    """On cpassport's login form, sent there by the RP."""
    wait(d, EC.visibility_of_element_located((By.ID, "email")), "cpassport's login form")
    loaded(d)
    at(d, ISSUER, "/oauth/authorize")


def sign_in(d):
    """Fill in cpassport's login form and press Sign in."""
    d.find_element(By.ID, "email").send_keys(E["USER_EMAIL"])
    d.find_element(By.ID, "password").send_keys(E["USER_PASSWORD"])
    click_and_wait(d, d.find_element(By.XPATH, "//form//button[normalize-space()='Sign in']"))


def walk(d):
    @check("rp-redirect: GET /private/ without a session: mod_auth_openidc sends the browser to cpassport's "
           "authorization endpoint from the discovery document, code flow with PKCE S256, a nonce, and the "
           "scopes asked (Core §3.1.2.1)")
    def _():
        d.get(RP + "/private/")
        login_form(d)
        q = query_of(d.current_url)
        assert q.get("response_type") == ["code"], q
        assert q.get("code_challenge_method") == ["S256"], q
        assert q.get("redirect_uri") == [RP + "/private/redirect_uri"], q
        assert q.get("nonce", [""])[0] and q.get("state", [""])[0], q
        scopes = set(q.get("scope", [""])[0].split())
        assert {"openid", "email", "profile", E["CLAIM_SCOPE"]} <= scopes, q
        shot(d, "apache-rp-1-login.png")

    @check("rp-consent: signing in at cpassport shows the consent page naming the Apache client and the "
           "custom claim's scope")
    def _():
        sign_in(d)
        wait(d, EC.element_to_be_clickable((By.ID, "approve")), "the consent page")
        body = d.find_element(By.TAG_NAME, "main").text
        assert E["CLIENT_NAME"] in body, body
        assert E["SCOPE_DESCRIPTION"] in body, body
        shot(d, "apache-rp-2-consent.png")

    @check("rp-signed-in: approving lands on /private/, which shows the user's sub, email and custom claim "
           "(OIDC_CLAIM_sub, OIDC_CLAIM_email, OIDC_CLAIM_<custom>) from the id_token and userinfo")
    def _():
        click_and_wait(d, d.find_element(By.ID, "approve"))
        wait(d, EC.presence_of_element_located((By.ID, "email")), "the private page")
        at(d, RP, "/private/")
        text = {i: d.find_element(By.ID, i).text for i in ("sub", "email", "claim", "remote_user")}
        assert text["sub"] == E["USER_SUB"], text
        assert text["email"] == E["USER_EMAIL"], text
        assert text["claim"] == E["CLAIM_VALUE"], text
        assert text["remote_user"] == f"{E['USER_SUB']}@{ISSUER}", text
        assert sessions() == "1", f"{sessions()} sessions at cpassport"
        shot(d, "apache-rp-3-private.png")

    @check("rp-logout-confirm: the RP's logout URL sends the browser to cpassport's end_session_endpoint, "
           "which asks first (RP-Initiated Logout 1.0 §2; no logout by a bare GET)")
    def _():
        d.get(RP + "/private/redirect_uri?logout=" + urllib.parse.quote(RP + "/loggedout.html", safe=""))
        wait(d, EC.element_to_be_clickable((By.ID, "logout")), "cpassport's sign-out confirmation")
        loaded(d)
        at(d, ISSUER, "/oauth/logout")
        q = query_of(d.current_url)
        assert q.get("id_token_hint", [""])[0], q
        assert q.get("post_logout_redirect_uri") == [RP + "/loggedout.html"], q
        shot(d, "apache-rp-4-logout-confirm.png")

    @check("rp-logged-out: confirming ends cpassport's session (its row gone) and returns to the "
           "registered post_logout_redirect_uri (RP-Initiated Logout 1.0 §3)")
    def _():
        assert sessions() == "1", f"{sessions()} sessions at cpassport before the confirmation"
        click_and_wait(d, d.find_element(By.ID, "logout"))
        wait(d, EC.presence_of_element_located((By.ID, "loggedout")), "the RP's signed-out page")
        at(d, RP, "/loggedout.html")
        assert sessions() == "0", f"{sessions()} sessions at cpassport after the logout"
        shot(d, "apache-rp-5-loggedout.png")

    @check("rp-sign-in-again: /private/ again asks to sign in at cpassport: both sessions are gone")
    def _():
        d.get(RP + "/private/")
        login_form(d)
        shot(d, "apache-rp-6-login-again.png")

    @check("rp-consent-remembered: signing in again lands straight on /private/: the consent given "
           "before is remembered for this user and client")
    def _():
        sign_in(d)
        wait(d, EC.presence_of_element_located((By.ID, "email")), "the private page")
        at(d, RP, "/private/")
        assert d.find_element(By.ID, "email").text == E["USER_EMAIL"]
        assert sessions() == "1", f"{sessions()} sessions at cpassport"
        shot(d, "apache-rp-7-private-again.png")


def form_post(d, alg):
    @check(f"rp-form-post-{alg.lower()}: OIDCResponseMode form_post and a client registered with "
           f"--id-token-alg {alg}: the request asks response_mode=form_post, cpassport's answer page "
           "POSTs the code to the RP (OAuth 2.0 Form Post Response Mode §2), mod_auth_openidc verifies "
           f"the {alg} id_token and /private/ shows the claims")
    def _():
        d.get(RP + "/private/")
        login_form(d)
        q = query_of(d.current_url)
        assert q.get("response_mode") == ["form_post"], q
        sign_in(d)
        wait(d, EC.element_to_be_clickable((By.ID, "approve")), "the consent page")
        click_and_wait(d, d.find_element(By.ID, "approve"))
        wait(d, EC.presence_of_element_located((By.ID, "email")), "the private page")
        at(d, RP, "/private/")
        text = {i: d.find_element(By.ID, i).text for i in ("sub", "email", "claim")}
        assert text == {"sub": E["USER_SUB"], "email": E["USER_EMAIL"],
                        "claim": E["CLAIM_VALUE"]}, text
        shot(d, f"apache-rp-8-form-post-{alg.lower()}.png")


def main():
    profile = tempfile.mkdtemp(prefix="cpassport-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for a in CHROME_ARGS:
        opts.add_argument(a)
    opts.add_argument(f"--user-data-dir={profile}")
    d = None
    try:
        d = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"),
                             options=opts)
        d.set_page_load_timeout(WAIT)
        print(f"# chromium {d.capabilities.get('browserVersion')}")
        if sys.argv[1] == "walk":
            walk(d)
        else:
            form_post(d, sys.argv[2])
    finally:
        if d is not None:
            d.quit()
        shutil.rmtree(profile, ignore_errors=True)


main()
