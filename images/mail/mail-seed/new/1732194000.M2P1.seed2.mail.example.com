Return-Path: <netops@example.com>
Delivered-To: student@example.com
From: Network Operations <netops@example.com>
To: student@example.com
Subject: Sending mail from the lab
Date: Thu, 21 Nov 2024 13:00:00 +0000
Message-ID: <seed-welcome-2@mail.example.com>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 7bit

Hi again,

A quick map of the SMTP side of mail.example.com:

  port 25    mail for example.com from anyone; STARTTLS, then AUTH
  port 587   submission: STARTTLS is mandatory, then AUTH, then send
  port 2525  a deliberately careless port that accepts AUTH in clear,
             so you can watch your own password cross the wire

Log in as student with the lab password. Mail to other domains is
relayed only after AUTH; nobody else may use this server as a relay.

Have a look at the EHLO replies: each port tells you what it offers.

Network Operations
