import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { AppHeader } from "./_components/app-header";
import { OutageBanner } from "./_components/outage-banner";
import { TRPCReactProvider } from "./_lib/trpc";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Skill Fleet", template: "%s · Skill Fleet" },
  description: "Turn a plain-language task into a validated Agent Skill.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so Next.js can put the request's CSP nonce on its scripts (proxy.ts).
  await connection();
  return (
    <html lang="en">
      <body>
        <TRPCReactProvider>
          <a className="skip-link" href="#main">
            Skip to content
          </a>
          <AppHeader />
          <OutageBanner />
          <main id="main" className="page">
            {children}
          </main>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
