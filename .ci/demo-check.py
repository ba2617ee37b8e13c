#!/usr/bin/env python3
"""Works a call end to end on a running `dialerd --demo` in headless Chromium (chromedriver's
W3C WebDriver REST API over urllib; no Selenium needed): console login, an incoming demo call
on screen with its form, form saved, hold, unhold, hang up; a click-to-call; the wallboard
showing the agent's states. Saves screenshots. Usage: demo_check.py HTTP_PORT DRIVER_PORT OUTDIR"""
import base64, json, sys, time, urllib.request

HTTP, DRIVER, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
BASE = f"http://127.0.0.1:{HTTP}"
WD = f"http://127.0.0.1:{DRIVER}"
ELEMENT = "element-6066-11e4-a52e-4f735466cecc"


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(WD + path, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.loads(r.read() or b"{}").get("value")


def log(*a):
    print(time.strftime("%H:%M:%S"), *a, flush=True)


class Page:
    def __init__(self):
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,720"]}}}}
        self.sid = call("POST", "/session", caps)["sessionId"]
        self.s = f"/session/{self.sid}"
        call("POST", self.s + "/window/rect", {"width": 1280, "height": 720})
        outer, inner = self.js("return [window.outerHeight, window.innerHeight]")
        call("POST", self.s + "/window/rect", {"width": 1280, "height": 720 + outer - inner})
        log("viewport", self.js("return [window.innerWidth, window.innerHeight]"))

    def go(self, path):
        call("POST", self.s + "/url", {"url": BASE + path})

    def js(self, script, *args):
        return call("POST", self.s + "/execute/sync", {"script": script, "args": list(args)})

    def until(self, what, script, timeout=90, *args):
        end = time.time() + timeout
        while time.time() < end:
            v = self.js(script, *args)
            if v:
                return v
            time.sleep(0.5)  # polling a real browser against a real-time demo, not a test
        self.shot("failed-" + what.replace(" ", "-"))
        raise SystemExit(f"timed out: {what}")

    def field(self, label, value):
        self.js("""const l=[...document.querySelectorAll('label')].find(l=>l.textContent.trim()===arguments[0]);
                   const f=l.control||document.getElementById(l.htmlFor); f.focus(); f.value=arguments[1];
                   f.dispatchEvent(new Event('input',{bubbles:true})); f.dispatchEvent(new Event('change',{bubbles:true}));""",
                label, value)

    def click(self, name):
        self.until("button " + name, """const b=[...document.querySelectorAll('button')]
             .find(b=>b.textContent.trim()===arguments[0] && !b.disabled && b.offsetParent!==null);
             if(!b) return false; b.click(); return true;""", 30, name)

    def text(self):
        return self.js("return document.body.innerText")

    def shot(self, name):
        png = base64.b64decode(call("GET", self.s + "/screenshot"))
        open(f"{OUT}/{name}.png", "wb").write(png)
        log("screenshot", name)

    def close(self):
        call("DELETE", self.s)


console = Page()
wall = Page()
try:
    wall.go("/wallboard/")
    wall.field("Client account", "supervisor")
    wall.field("Client password", "supervisor")
    wall.click("Connect")
    wall.until("wallboard agents", "return document.body.innerText.includes('SIP/1001')")

    console.go("/console/")
    console.field("Client account", "agentconsole")
    console.field("Client password", "agentconsole")
    console.click("Connect")
    console.field("Agent", "SIP/1001")
    console.field("Extension", "1001")
    console.field("Agent password", "demo")
    console.click("Log in agent")
    console.until("agent ready", "return document.body.innerText.includes('Ready')")
    log("agent SIP/1001 logged in: Ready")
    wall.until("wallboard shows SIP/1001 ready",
               "return [...document.querySelectorAll('*')].some(e=>e.children.length<6 && e.innerText && e.innerText.includes('SIP/1001') && e.innerText.includes('Ready'))")
    log("wallboard: SIP/1001 Ready")

    # A demo call (campaign or incoming) arrives by itself within seconds.
    console.until("a call on screen", "return document.body.innerText.includes('On call')", 180)
    time.sleep(1)
    t = console.text()
    log("call on screen:", " | ".join(l for l in t.splitlines() if l.startswith(("Call type", "Phone", "Campaign", "Call id")))[:300])
    wall.until("wallboard shows SIP/1001 on call",
               "return [...document.querySelectorAll('*')].some(e=>e.children.length<6 && e.innerText && e.innerText.includes('SIP/1001') && e.innerText.includes('On call'))")
    wall.shot("wallboard")
    # Fill every text-like field of the form, then save it.
    filled = console.js("""let n=0; for (const f of document.querySelectorAll('form input, form textarea, form select')) {
        if (!f.closest('section') || !f.closest('section').innerText.includes('Save form')) continue;
        if (f.type==='date') f.value='2026-12-02'; else if (f.tagName==='SELECT') { if (f.options.length>1) f.selectedIndex=1; }
        else f.value='demo check ' + (++n);
        f.dispatchEvent(new Event('input',{bubbles:true})); f.dispatchEvent(new Event('change',{bubbles:true})); n++; }
        return n;""")
    log("form fields filled:", filled)
    console.shot("console")
    console.click("Save form")
    console.until("form saved", "return /saved/i.test(document.body.innerText)", 30)
    log("form saved")
    console.click("Hold")
    console.until("on hold", "return document.body.innerText.includes('On hold')", 60)
    wall.until("wallboard shows hold",
               "return [...document.querySelectorAll('*')].some(e=>e.children.length<6 && e.innerText && e.innerText.includes('SIP/1001') && e.innerText.includes('On hold'))")
    log("on hold (console and wallboard)")
    console.click("Unhold")
    console.until("back on call", "return document.body.innerText.includes('On call') && !document.body.innerText.includes('On hold')", 60)
    log("back on the call")
    console.click("Hang up")
    console.until("ready again", "return document.body.innerText.includes('Ready') || document.body.innerText.includes('Wrap-up')", 60)
    log("hung up:", "Wrap-up" if "Wrap-up" in console.text() else "Ready")
    # Click-to-call once Ready (after any wrap-up); a break first so no demo call takes the agent.
    console.until("ready for click-to-call", "return document.body.innerText.includes('Ready')", 120)
    console.field("Phone number", "5556666")
    console.click("Call")
    console.until("click-to-call on screen", "return document.body.innerText.includes('5556666') && document.body.innerText.includes('On call')", 60)
    log("click-to-call 5556666 linked")
    console.shot("console-click-to-call")
    console.click("Hang up")
    console.until("ready after click-to-call", "return document.body.innerText.includes('Ready') || document.body.innerText.includes('Wrap-up')", 60)
    console.click("Log out agent")
    wall.until("wallboard shows SIP/1001 logged out",
               "return [...document.querySelectorAll('*')].some(e=>e.children.length<6 && e.innerText && e.innerText.includes('SIP/1001') && e.innerText.includes('Logged out'))")
    log("logged out; wallboard followed every state")
finally:
    console.close()
    wall.close()
