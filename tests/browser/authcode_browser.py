#!/usr/bin/python3
"""The authorization code flow in a real browser: headless Chromium driven
by Selenium (Debian's chromium, chromium-driver, python3-selenium) through
the pages of authorize.fcgi and callback.fcgi.  Prints "ok"/"not ok" lines
without a plan: authcode.sh renumbers them into its TAP stream.

usage: authcode_browser.py confidential|first-party
  confidential: callback_client_id is the confidential "Seed Callback App"
  first-party:  callback_client_id is the first-party client

Environment: BASE ARTIFACTS USER_EMAIL USER_PASSWORD USER_NAME CB_ID
CB_SECRET FP_ID.
Every browser gets a fresh profile (tempfile.mkdtemp), is quit and has its
profile removed whatever happens; every wait is bounded (WAIT seconds)."""
import base64
import contextlib
import json
import os
import re
import shutil
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import WebDriverWait

E = os.environ
BASE = E["BASE"]
ARTIFACTS = E["ARTIFACTS"]
EMAIL, PASSWORD = E["USER_EMAIL"], E["USER_PASSWORD"]
WAIT = 20                       # seconds, every wait and page load
PHONE = (390, 844)              # CSS pixels, a phone in portrait
DESKTOP = (1280, 900)
CHROME_ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--disable-quic")
S = {}                          # what one check leaves for the next
n = 0


def check(name):
    """Decorator: run the function now; ok unless it raises (an assert's
    message, or the exception, becomes the diagnostic)."""
    def run(fn):
        global n
        n += 1
        try:
            fn()
            print(f"ok {n} - {name}")
        except Exception as e:  # any failure is "not ok", the run goes on
            print(f"not ok {n} - {name}")
            msg = str(e).strip() or repr(e)
            print(f"# {type(e).__name__}: {msg}".replace("\n", "\n# "))
        sys.stdout.flush()
    return run


@contextlib.contextmanager
def browser(size=PHONE, javascript=True, perf_log=False):
    """A headless Chromium with a profile of its own, quit on the way out."""
    profile = tempfile.mkdtemp(prefix="cpassport-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for a in CHROME_ARGS:
        opts.add_argument(a)
    opts.add_argument(f"--user-data-dir={profile}")
    opts.add_argument(f"--window-size={size[0]},{size[1]}")
    if not javascript:
        opts.add_argument("--blink-settings=scriptEnabled=false")
    if perf_log:
        opts.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = None
    try:
        driver = webdriver.Chrome(
            service=Service(executable_path="/usr/bin/chromedriver"),
            options=opts)
        driver.set_page_load_timeout(WAIT)
        driver.set_script_timeout(WAIT)
        if size == PHONE:
            # Headless Chromium keeps windows at least 500 px wide whatever
            # --window-size says: emulate the phone's viewport (a mobile
            # one, honouring <meta name=viewport>) for these tabs.
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                "width": PHONE[0], "height": PHONE[1],
                "deviceScaleFactor": 1, "mobile": True})
        if "version" not in S:
            S["version"] = driver.capabilities.get("browserVersion")
            print(f"# chromium {S['version']}, chromedriver "
                  f"{driver.capabilities.get('chrome', {}).get('chromedriverVersion', '?').split()[0]}")
        yield driver
    finally:
        if driver is not None:
            driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def wait(d, cond, what):
    # A page replaced under a query (a redirect landing) is retried, not
    # an error: slow runs (the sanitizer build) hit that window.
    return WebDriverWait(d, WAIT, ignored_exceptions=(WebDriverException,)).until(
        cond, f"waited {WAIT} s for {what} (at {d.current_url})")


def loaded(d):
    """Wait until the current document has finished loading."""
    wait(d, lambda d: d.execute_script("return document.readyState") == "complete",
         "the page to finish loading")


def path_of(url):
    return urllib.parse.urlsplit(url).path


def query_of(url):
    return urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)


def shot(d, name):
    """The whole page (beyond the viewport) as ARTIFACTS/name."""
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


def no_overflow(d):
    """The page does not scroll sideways (legible at a phone width)."""
    sw, iw = d.execute_script("return [document.documentElement.scrollWidth,"
                              " window.innerWidth]")
    assert sw <= iw, f"{path_of(d.current_url)}: {sw} px wide in a {iw} px window"
    return iw


def login_page(d, url):
    """Open url; wait for the login form."""
    d.get(url)
    wait(d, EC.visibility_of_element_located((By.ID, "email")), "the login form")
    loaded(d)
    assert path_of(d.current_url) == "/oauth/authorize", d.current_url
    assert d.find_element(By.ID, "password").get_attribute("type") == "password"


def sign_in_button(d):
    return d.find_element(By.XPATH, "//form//button[normalize-space()='Sign in']")


def sign_in(d, email=EMAIL, password=PASSWORD):
    """Fill in the login form and click Sign in; wait for the next page."""
    e = d.find_element(By.ID, "email")
    e.clear()
    e.send_keys(email)
    d.find_element(By.ID, "password").send_keys(password)
    button = sign_in_button(d)
    button.click()
    wait(d, EC.staleness_of(button), "the page after Sign in")
    loaded(d)


def consent_page(d, client_name):
    """On the consent page: the client's name and every scope description."""
    wait(d, EC.element_to_be_clickable((By.ID, "approve")), "the consent page")
    loaded(d)
    body = d.find_element(By.TAG_NAME, "main").text
    assert client_name in body, f"no {client_name!r} in {body!r}"
    for s in ("read", "write"):
        assert f"Read or write {s} things" in body, f"no {s} description in {body!r}"
    assert d.find_element(By.ID, "approve").text == "Authorize"
    assert d.find_element(By.ID, "deny").text == "Cancel"


def click_and_wait(d, element_id):
    b = d.find_element(By.ID, element_id)
    b.click()
    wait(d, EC.staleness_of(b), f"the page after #{element_id}")
    loaded(d)


def tokens_page(d):
    """On /callback: the values of the tokens page's ids."""
    wait(d, EC.presence_of_element_located((By.ID, "access_token")),
         "#access_token on the tokens page")
    loaded(d)
    assert path_of(d.current_url) == "/callback", d.current_url
    assert d.current_url.startswith(BASE + "/callback?"), d.current_url
    assert query_of(d.current_url).get("code"), f"no code in {d.current_url}"
    assert d.find_element(By.TAG_NAME, "h1").text == "Tokens"
    t = {}
    for i in ("access_token", "refresh_token", "expires_in", "scope", "token_type"):
        el = d.find_elements(By.ID, i)
        t[i] = el[0].get_attribute("textContent").strip() if el else None
    return t


def b64url_json(seg):
    return json.loads(base64.urlsafe_b64decode(seg + "=" * (-len(seg) % 4)))


def check_tokens(t):
    at, rt, ei = t["access_token"], t["refresh_token"], t["expires_in"]
    parts = (at or "").split(".")
    assert len(parts) == 3 and all(re.fullmatch(r"[A-Za-z0-9_-]+", p)
                                   for p in parts), f"not a JWT: {at!r}"
    header, claims = b64url_json(parts[0]), b64url_json(parts[1])
    assert "alg" in header and claims.get("iss") == BASE, (header, claims)
    assert rt is not None and re.fullmatch(r"[A-Za-z0-9_-]{43}", rt), \
        f"refresh token not 43 base64url chars: {rt!r}"
    assert ei is not None and ei.isdigit() and int(ei) > 0, f"expires_in {ei!r}"
    assert t["token_type"] == "Bearer", t["token_type"]
    return claims


def api_user(token):
    req = urllib.request.Request(BASE + "/api/user", headers={
        "Authorization": "Bearer " + token, "Accept": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=WAIT) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(errors="replace")


def redeem(client_id, secret, code):
    """The code at the token endpoint as client_id (RFC 6749 §4.1.3)."""
    body = urllib.parse.urlencode({
        "grant_type": "authorization_code", "code": code,
        "redirect_uri": BASE + "/callback"}).encode()
    basic = base64.b64encode(f"{client_id}:{secret}".encode()).decode()
    req = urllib.request.Request(BASE + "/oauth/token", data=body, headers={
        "Authorization": "Basic " + basic})
    try:
        with urllib.request.urlopen(req, timeout=WAIT) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(errors="replace")


def seed_walk(size, suffix):
    """/oauth/request?client=ID, login, consent, approve, tokens; with
    screenshots.  Returns the tokens, the page sources and the widths."""
    sources, widths = {}, []
    with browser(size) as d:
        login_page(d, f"{BASE}/oauth/request?client={E['CB_ID']}")
        assert "Seed Callback App" in d.find_element(By.TAG_NAME, "main").text
        widths.append(no_overflow(d))
        sources["login"] = d.page_source
        shot(d, f"login{suffix}.png")
        sign_in(d)
        consent_page(d, "Seed Callback App")
        widths.append(no_overflow(d))
        sources["consent"] = d.page_source
        shot(d, f"consent{suffix}.png")
        click_and_wait(d, "approve")
        t = tokens_page(d)
        widths.append(no_overflow(d))
        sources["callback"] = d.page_source
        shot(d, f"callback{suffix}.png")
    return t, sources, widths


def confidential():
    @check("browser-seed-walk: /oauth/request?client=ID, login form, consent "
           "with the client name and scope descriptions, Authorize, /callback "
           "shows a JWT access token, a 43-char refresh token, expires_in")
    def _():
        t, S["sources"], S["phone_widths"] = seed_walk(PHONE, "")
        claims = check_tokens(t)
        assert claims.get("client_id") == E["CB_ID"], claims
        assert t["scope"] == "read write", t["scope"]
        S["at"] = t["access_token"]
        print(f"# expires_in {t['expires_in']}, scope {t['scope']!r}, "
              f"viewport {S['phone_widths'][0]} px")

    @check("browser-token-api-user: the access token read from the page buys "
           "/api/user with the user's e-mail")
    def _():
        status, body = api_user(S["at"])
        assert status == 200, (status, body)
        assert body["email"] == EMAIL and body["name"] == E["USER_NAME"], body

    @check("browser-phone-layout: at 390 px login, consent and tokens pages do "
           "not scroll sideways; the desktop walk (1280x900) works too")
    def _():
        assert S["phone_widths"] == [PHONE[0]] * 3, S["phone_widths"]
        t, _, widths = seed_walk(DESKTOP, "-desktop")
        check_tokens(t)
        assert widths == [DESKTOP[0]] * 3, widths

    @check("browser-deny: Cancel on the consent page lands on /callback, "
           "which shows error access_denied")
    def _():
        with browser() as d:
            login_page(d, f"{BASE}/oauth/request?client={E['CB_ID']}")
            sign_in(d)
            consent_page(d, "Seed Callback App")
            click_and_wait(d, "deny")
            err = wait(d, EC.presence_of_element_located((By.ID, "error")),
                       "#error on the callback page")
            assert path_of(d.current_url) == "/callback", d.current_url
            assert query_of(d.current_url).get("error") == ["access_denied"], \
                d.current_url
            assert err.text == "access_denied", err.text
            assert not d.find_elements(By.ID, "access_token")
            no_overflow(d)
            shot(d, "denied.png")

    @check("browser-callback-start: /callback/start (state + PKCE S256 in a "
           "cookie), login, consent, Authorize, tokens shown")
    def _():
        with browser() as d:
            login_page(d, f"{BASE}/callback/start")
            q = query_of(d.current_url)
            assert q.get("client_id") == [E["CB_ID"]], q
            assert q.get("code_challenge_method") == ["S256"], q
            assert q.get("state") and q.get("code_challenge"), q
            assert q.get("redirect_uri") == [BASE + "/callback"], q
            sign_in(d)
            consent_page(d, "Seed Callback App")
            click_and_wait(d, "approve")
            t = tokens_page(d)
            # The code was bound to a challenge: tokens prove the callback
            # found the cookie's verifier (and the state matched).
            assert query_of(d.current_url).get("state") == q["state"], d.current_url
            check_tokens(t)
            status, body = api_user(t["access_token"])
            assert status == 200 and body["email"] == EMAIL, (status, body)

    # RFC 6749 §10.12: login CSRF through the ready-made callback.
    @check("browser-callback-without-state: the attacker's own code (a flow "
           "no /callback/start began) opened in the victim's browser shows "
           "'Not started here' with a link to /callback/start, no tokens; "
           "the code is still live for its client")
    def _():
        authz = (f"{BASE}/oauth/authorize?response_type=code&client_id="
                 f"{E['CB_ID']}&redirect_uri="
                 f"{urllib.parse.quote(BASE + '/callback', safe='')}"
                 "&state=attacker")
        with browser() as d:        # the attacker's browser
            login_page(d, authz)
            sign_in(d)
            consent_page(d, "Seed Callback App")
            click_and_wait(d, "approve")
            url = d.current_url
        code = query_of(url).get("code", [None])[0]
        assert path_of(url) == "/callback" and code, url
        with browser() as d:        # the victim's, sent the link
            d.get(url)
            loaded(d)
            assert d.title == "Not started here", d.title
            h1 = d.find_element(By.TAG_NAME, "h1").text
            assert h1 == "Not started here", h1
            text = d.find_element(By.TAG_NAME, "main").text
            assert "did not start the sign-in" in text, text
            link = d.find_element(By.CSS_SELECTOR, 'a[href="/callback/start"]')
            assert link.is_displayed(), "the /callback/start link is hidden"
            assert not d.find_elements(By.ID, "access_token")
            no_overflow(d)
            shot(d, "callback-without-state.png")
        status, body = redeem(E["CB_ID"], E["CB_SECRET"], code)
        assert status == 200 and body.get("token_type") == "Bearer", \
            (status, body)

    # RFC 9110 §9.2.1: following a link to /oauth/logout ends nothing.
    @check("browser-logout-confirm: 'Sign out' on the consent page opens a "
           "confirmation page (the session still alive); its Sign out "
           "button ends the session: 'Signed out', then the login form")
    def _():
        with browser() as d:
            login_page(d, f"{BASE}/oauth/request?client={E['CB_ID']}")
            sign_in(d)
            consent_page(d, "Seed Callback App")
            link = d.find_element(By.LINK_TEXT, "Sign out")
            link.click()
            wait(d, EC.staleness_of(link), "the page after the Sign out link")
            loaded(d)
            assert path_of(d.current_url) == "/oauth/logout", d.current_url
            assert d.find_element(By.TAG_NAME, "h1").text == "Sign out"
            assert EMAIL in d.find_element(By.TAG_NAME, "main").text
            form = d.find_element(By.TAG_NAME, "form")
            assert form.get_attribute("method") == "post", \
                form.get_attribute("method")
            no_overflow(d)
            shot(d, "logout-confirm.png")
            # The GET ended nothing: still signed in, in another tab.
            d.switch_to.new_window("tab")
            d.get(f"{BASE}/oauth/request?client={E['CB_ID']}")
            consent_page(d, "Seed Callback App")
            d.close()
            d.switch_to.window(d.window_handles[0])
            click_and_wait(d, "logout")
            assert path_of(d.current_url) == "/oauth/logout", d.current_url
            assert d.find_element(By.TAG_NAME, "h1").text == "Signed out"
            no_overflow(d)
            shot(d, "logout-done.png")
            login_page(d, f"{BASE}/oauth/request?client={E['CB_ID']}")

    @check("browser-login-keyboard: the e-mail input has focus on load; Tab "
           "goes e-mail -> password -> Sign in; Enter signs in; on consent "
           "Tab reaches Authorize then Cancel; Space on Authorize gives tokens")
    def _():
        def active(d):
            a = d.switch_to.active_element
            return a.tag_name.lower(), a.get_attribute("id"), a.text

        def tab(d):
            ActionChains(d).send_keys(Keys.TAB).perform()
            return active(d)

        with browser() as d:
            login_page(d, f"{BASE}/oauth/request?client={E['CB_ID']}")
            assert d.find_element(By.ID, "email").get_attribute("autofocus") \
                is not None, "no autofocus attribute"
            wait(d, lambda d: active(d)[1] == "email", "focus on #email")
            ActionChains(d).send_keys(EMAIL).perform()
            got = tab(d)
            assert got[:2] == ("input", "password"), got
            ActionChains(d).send_keys(PASSWORD).perform()
            got = tab(d)
            assert got[0] == "button" and got[2] == "Sign in", got
            shot(d, "login-focus.png")
            outline = d.switch_to.active_element.value_of_css_property("outline-style")
            assert outline not in ("none", ""), f"no focus outline: {outline!r}"
            button = sign_in_button(d)
            ActionChains(d).send_keys(Keys.ENTER).perform()
            wait(d, EC.staleness_of(button), "the page after Enter")
            consent_page(d, "Seed Callback App")
            got = tab(d)
            assert got[1] == "approve", got
            assert tab(d)[1] == "deny", "second Tab is not Cancel"
            ActionChains(d).key_down(Keys.SHIFT).send_keys(Keys.TAB) \
                .key_up(Keys.SHIFT).perform()
            assert active(d)[1] == "approve", "Shift+Tab does not go back"
            shot(d, "consent-focus.png")
            approve = d.find_element(By.ID, "approve")
            ActionChains(d).send_keys(Keys.SPACE).perform()
            wait(d, EC.staleness_of(approve), "the page after Space")
            check_tokens(tokens_page(d))

    @check("browser-login-labels: every visible input of the login form has a "
           "<label for=...> with text; the page says lang=en")
    def _():
        with browser() as d:
            login_page(d, f"{BASE}/oauth/request?client={E['CB_ID']}")
            inputs = [i for i in d.find_elements(By.TAG_NAME, "input")
                      if i.get_attribute("type") != "hidden"]
            assert len(inputs) == 2, [i.get_attribute("id") for i in inputs]
            for i in inputs:
                iid = i.get_attribute("id")
                assert iid, f"an input without id: {i.get_attribute('name')}"
                labels = d.find_elements(By.CSS_SELECTOR, f'label[for="{iid}"]')
                assert len(labels) == 1 and labels[0].text.strip(), \
                    f"#{iid}: labels {[l.text for l in labels]}"
            lang = d.find_element(By.TAG_NAME, "html").get_attribute("lang")
            assert lang == "en", lang

    @check("browser-no-javascript: the pages carry no <script>, and with "
           "scripting off login, consent and Authorize still give tokens")
    def _():
        for page, src in S.get("sources", {}).items():
            assert "<script" not in src.lower(), f"a <script> in the {page} page"
        assert len(S.get("sources", {})) == 3, "the seed walk left no sources"
        with browser(javascript=False) as d:
            # Proof that scripting is off in this browser.
            d.get("data:text/html,<title>off</title>"
                  "<script>document.title='on'</script>")
            assert d.title == "off", f"scripts run: title {d.title!r}"
            login_page(d, f"{BASE}/oauth/request?client={E['CB_ID']}")
            sign_in(d)
            consent_page(d, "Seed Callback App")
            assert "<script" not in d.page_source.lower()
            click_and_wait(d, "approve")
            check_tokens(tokens_page(d))

    @check("browser-wrong-password: a wrong password gives the login page "
           "again with a role=alert message, the e-mail kept")
    def _():
        with browser() as d:
            login_page(d, f"{BASE}/oauth/request?client={E['CB_ID']}")
            sign_in(d, password=PASSWORD + "-wrong")
            alert = wait(d, EC.visibility_of_element_located(
                (By.CSS_SELECTOR, '[role="alert"]')), "the role=alert message")
            assert "incorrect" in alert.text, alert.text
            assert path_of(d.current_url) == "/oauth/authorize", d.current_url
            assert d.find_element(By.ID, "email").get_attribute("value") == EMAIL
            assert d.find_element(By.ID, "password").get_attribute("value") == ""
            assert not d.find_elements(By.ID, "approve")
            no_overflow(d)
            shot(d, "login-error.png")


def first_party():
    @check("browser-first-party-skips-consent: for a first-party client the "
           "login lands straight on /callback with tokens, no consent page")
    def _():
        with browser(perf_log=True) as d:
            login_page(d, f"{BASE}/oauth/request?client={E['FP_ID']}")
            h0 = d.execute_script("return history.length")
            sign_in(d)
            t = tokens_page(d)
            claims = check_tokens(t)
            assert claims.get("client_id") == E["FP_ID"], claims
            assert not d.find_elements(By.ID, "approve")
            h1 = d.execute_script("return history.length")
            # The login page and then /callback: one entry, none for consent.
            assert h1 == h0 + 1, f"history {h0} -> {h1}"
            docs = []
            for entry in d.get_log("performance"):
                m = json.loads(entry["message"])["message"]
                p = m.get("params", {})
                if m["method"] == "Network.responseReceived" and \
                        p.get("type") == "Document":
                    docs.append((path_of(p["response"]["url"]),
                                 p["response"]["status"]))
            pages = [p for p in docs if p[0] == "/oauth/authorize"]
            assert pages == [("/oauth/authorize", 200)], \
                f"authorize pages shown: {docs}"
            assert docs[-1] == ("/callback", 200), docs
            shot(d, "callback-first-party.png")
            status, body = api_user(t["access_token"])
            assert status == 200 and body["email"] == EMAIL, (status, body)


if __name__ == "__main__":
    os.makedirs(ARTIFACTS, exist_ok=True)
    {"confidential": confidential, "first-party": first_party}[sys.argv[1]]()
