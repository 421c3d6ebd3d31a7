"""Read a page whose content a script puts there: headless Chromium (driven by Selenium, on
h1 only) runs the page's JavaScript, and we read the list it built. requests, on the same
page, sees an empty list.

    www$ python3 /labs/ch11/site.py --root /labs/ch11/js_site
    h1$  python3 /labs/ch11/js_crawl.py http://www.example.com:11020/
"""
import argparse

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

import labkit

# Headless, as root in a container (no sandbox, small /dev/shm), and quiet: no attempts to
# reach Google's update and sync servers, which the closed lab does not have.
OPTIONS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
           "--no-first-run", "--disable-background-networking", "--disable-component-update",
           "--disable-sync"]


def browser() -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    for option in OPTIONS:
        options.add_argument(option)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", help="the page, e.g. http://www.example.com:11020/")
    parser.add_argument("--timeout", type=labkit.seconds, default=10.0,
                        help="seconds to wait for the script to fill the list")
    args = parser.parse_args()
    driver = browser()
    try:
        driver.get(args.url)
        # The page marks the list once its script has filled it: wait for that, not a time.
        WebDriverWait(driver, args.timeout).until(
            lambda d: d.find_element(By.ID, "rates").get_attribute("data-loaded") == "yes")
        for item in driver.find_elements(By.CSS_SELECTOR, "#rates li"):
            print(item.text)
    except TimeoutException:
        labkit.fail(f"the page's script did not fill the list within {args.timeout:g} s")
    except WebDriverException as exc:
        labkit.fail(exc.msg or str(exc))
    finally:
        driver.quit()


if __name__ == "__main__":
    labkit.main(main)
