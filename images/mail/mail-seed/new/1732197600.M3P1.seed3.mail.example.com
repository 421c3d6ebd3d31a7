Return-Path: <lab-desk@example.com>
Delivered-To: student@example.com
From: Lab Desk <lab-desk@example.com>
To: student@example.com
Subject: Your lab checklist (HTML, text and an attachment)
Date: Thu, 21 Nov 2024 14:00:00 +0000
Message-ID: <seed-checklist-3@mail.example.com>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="=-outer-7c1f"

This is a multi-part message in MIME format.

--=-outer-7c1f
Content-Type: multipart/alternative; boundary="=-inner-2b9d"

--=-inner-2b9d
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 7bit

This message has three parts: this plain-text body, the same body in
HTML, and an attached checklist (checklist.txt).

A mail client shows one of the two bodies; a Python script with the
email package can walk all of them.

--=-inner-2b9d
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: 7bit

<html><body>
<p>This message has <b>three parts</b>: a plain-text body, this same body
in <i>HTML</i>, and an attached checklist (<code>checklist.txt</code>).</p>
<p>A mail client shows one of the two bodies; a Python script with the
<code>email</code> package can walk all of them.</p>
</body></html>

--=-inner-2b9d--

--=-outer-7c1f
Content-Type: text/plain; charset=utf-8; name="checklist.txt"
Content-Disposition: attachment; filename="checklist.txt"
Content-Transfer-Encoding: base64

MS4gU2VuZCB5b3Vyc2VsZiBhIG1lc3NhZ2Ugd2l0aCBzbXRwbGliLgoyLiBGZXRjaCBpdCB3aXRo
IHBvcGxpYiwgdGhlbiB3aXRoIGltYXBsaWIuCjMuIFNhdmUgdGhpcyBhdHRhY2htZW50IHRvIGEg
ZmlsZSBmcm9tIFB5dGhvbi4KNC4gUnVuIHJlc2V0LW1haWxib3ggYW5kIHN0YXJ0IGFnYWluLgo=

--=-outer-7c1f--
