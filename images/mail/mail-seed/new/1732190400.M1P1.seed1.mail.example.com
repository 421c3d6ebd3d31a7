Return-Path: <postmaster@example.com>
Delivered-To: student@example.com
From: Playground Postmaster <postmaster@example.com>
To: Student <student@example.com>
Subject: Welcome to your mailbox on mail.example.com
Date: Thu, 21 Nov 2024 12:00:00 +0000
Message-ID: <seed-welcome-1@mail.example.com>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 7bit

Hello student,

This mailbox lives on mail.example.com, the lab's mail server. Everything
you send to student@example.com lands here, in ~/Maildir on that host.

You can read it three ways, each a lesson of its own:

  POP3  on port 110 (clear) or 995 (TLS)
  IMAP  on port 143 (clear) or 993 (TLS)
  a shell: ssh student@mail.example.com, then look in ~/Maildir

Break things freely: `reset-mailbox` (run as root on the mail host) puts
these three messages back exactly as they were.

-- 
The Playground postmaster
