<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sw">
<context>
    <name></name>
    <message>
        <source>QR code: %1</source>
        <translation>Msimbo wa QR: %1</translation>
    </message>
    <message>
        <source>Chat on WhatsApp</source>
        <translation>Ongea nasi kwa WhatsApp</translation>
    </message>
    <message>
        <source>Email us</source>
        <translation>Tutumie barua pepe</translation>
    </message>
    <message>
        <source>Call us</source>
        <translation>Tupigie simu</translation>
    </message>
    <message>
        <source>Save our contact</source>
        <translation>Hifadhi mawasiliano yetu</translation>
    </message>
    <message>
        <source>Visit us: %1</source>
        <translation>Tutembelee: %1</translation>
    </message>
    <message>
        <source>Need help now?</source>
        <translation>Unahitaji msaada sasa?</translation>
    </message>
    <message>
        <source>If you are in danger now, tell the reception staff straight away.</source>
        <translation>Ikiwa uko hatarini sasa hivi, waambie wahudumu wa mapokezi mara moja.</translation>
    </message>
    <message>
        <source>Please ask the reception staff for help.</source>
        <translation>Tafadhali omba msaada kwa wahudumu wa mapokezi.</translation>
    </message>
    <message>
        <source>QR code of the link</source>
        <translation>Msimbo wa QR wa kiungo</translation>
    </message>
    <message>
        <source>This link is too long for a code. Ask the staff.</source>
        <translation>Kiungo hiki ni kirefu mno kwa msimbo. Waulize wahudumu.</translation>
    </message>
    <message>
        <source>Scan to open this on your phone</source>
        <translation>Tumia kamera ya simu yako kufungua hii</translation>
    </message>
    <message>
        <source>Showing %1.</source>
        <translation>Inaonyesha %1.</translation>
    </message>
    <message>
        <source>Sorry</source>
        <translation>Samahani</translation>
    </message>
    <message>
        <source>This page is not available. Please tap Back or Home.</source>
        <translation>Ukurasa huu haupatikani. Tafadhali gusa Rudi au Mwanzo.</translation>
    </message>
    <message>
        <source>This page is not yet translated, so it is shown in English.</source>
        <translation>Ukurasa huu bado haujatafsiriwa, kwa hiyo unaonyeshwa kwa Kiingereza.</translation>
    </message>
    <message>
        <source>Contact us</source>
        <translation>Wasiliana nasi</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Rudi</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Mwanzo</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Maandishi madogo</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Maandishi makubwa</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>Rangi kali</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Rangi zenye utofauti mkubwa</translation>
    </message>
    <message>
        <source>Change language</source>
        <translation>Badilisha lugha</translation>
    </message>
    <message>
        <source>Erase usage counts</source>
        <translation>Futa hesabu za matumizi</translation>
    </message>
    <message>
        <source>This deletes every usage count kept on this kiosk: visits per day and the pages read. It cannot be undone.</source>
        <translation>Hii inafuta hesabu zote za matumizi zilizohifadhiwa kwenye kioski hiki: ziara kwa siku na kurasa zilizosomwa. Haiwezi kurudishwa.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Futa</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Ghairi</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Funga</translation>
    </message>
    <message>
        <source>Usage counts erased.</source>
        <translation>Hesabu za matumizi zimefutwa.</translation>
    </message>
    <message>
        <source>The usage counts could not be erased. Ask IT to look at the log.</source>
        <translation>Hesabu za matumizi hazikuweza kufutwa. Omba IT waangalie kumbukumbu.</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>PIN ya wafanyakazi</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Futa</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Sawa</translation>
    </message>
    <message>
        <source>Choose a new PIN</source>
        <translation>Chagua PIN mpya</translation>
    </message>
    <message>
        <source>Type the new PIN again</source>
        <translation>Andika PIN mpya tena</translation>
    </message>
    <message>
        <source>A PIN has %1 to %2 digits.</source>
        <translation>PIN ina tarakimu %1 hadi %2.</translation>
    </message>
    <message>
        <source>Wrong PIN. Tries left: %1.</source>
        <translation>PIN si sahihi. Majaribio yaliyobaki: %1.</translation>
    </message>
    <message>
        <source>Use %1 to %2 digits.</source>
        <translation>Tumia tarakimu %1 hadi %2.</translation>
    </message>
    <message>
        <source>The two PINs were different. Try again.</source>
        <translation>PIN mbili hazifanani. Jaribu tena.</translation>
    </message>
    <message>
        <source>No staff PIN is set: ask IT.</source>
        <translation>Hakuna PIN ya wafanyakazi: uliza IT.</translation>
    </message>
    <message>
        <source>The kiosk&apos;s settings could not be read. Ask IT.</source>
        <translation>Mipangilio ya kioski haikuweza kusomwa. Uliza IT.</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n minute(s).</source>
        <translation>
            <numerusform>Umekosea PIN mara nyingi. Jaribu tena baada ya dakika %n.</numerusform>
            <numerusform>Umekosea PIN mara nyingi. Jaribu tena baada ya dakika %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n second(s).</source>
        <translation>
            <numerusform>Umekosea PIN mara nyingi. Jaribu tena baada ya sekunde %n.</numerusform>
            <numerusform>Umekosea PIN mara nyingi. Jaribu tena baada ya sekunde %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Digits typed: %1</source>
        <translation>Tarakimu zilizoandikwa: %1</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Nisomee</translation>
    </message>
    <message>
        <source>Staff panel</source>
        <translation>Paneli ya wafanyakazi</translation>
    </message>
    <message>
        <source>Kiosk mode</source>
        <translation>Hali ya kioski</translation>
    </message>
    <message>
        <source>Start language</source>
        <translation>Lugha ya kuanzia</translation>
    </message>
    <message>
        <source>Start text size</source>
        <translation>Ukubwa wa maandishi wa kuanzia</translation>
    </message>
    <message>
        <source>Shorter</source>
        <translation>Fupi zaidi</translation>
    </message>
    <message>
        <source>Longer</source>
        <translation>Ndefu zaidi</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Matumizi</translation>
    </message>
    <message>
        <source>Change PIN</source>
        <translation>Badilisha PIN</translation>
    </message>
    <message>
        <source>Switch it off to exit the app.</source>
        <translation>Izime ili uweze kuzima programu.</translation>
    </message>
    <message>
        <source>PIN changed. Use the new PIN from now on.</source>
        <translation>PIN imebadilishwa. Tumia PIN mpya kuanzia sasa.</translation>
    </message>
    <message>
        <source>Saved: the next visit starts in %1.</source>
        <translation>Imehifadhiwa: ziara ijayo itaanza kwa %1.</translation>
    </message>
    <message>
        <source>Saved: the next visit starts at text size %1 of %2.</source>
        <translation>Imehifadhiwa: ziara ijayo itaanza na ukubwa wa maandishi %1 kati ya %2.</translation>
    </message>
    <message>
        <source>Exit the app</source>
        <translation>Zima programu</translation>
    </message>
    <message>
        <source>Exit the kiosk program? The screen shows the computer&apos;s desktop until the program is started again.</source>
        <translation>Zima programu ya kioski? Skrini itaonyesha eneo-kazi la kompyuta hadi programu iwashwe tena.</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Toleo %1</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Imewashwa</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Imezimwa</translation>
    </message>
    <message>
        <source>Back to start after %1 s without a touch</source>
        <translation>Rudi mwanzo baada ya sekunde %1 bila kuguswa</translation>
    </message>
    <message>
        <source>Start text size: %1 of %2</source>
        <translation>Ukubwa wa maandishi wa kuanzia: %1 kati ya %2</translation>
    </message>
    <message>
        <source>Still reading?</source>
        <translation>Bado unasoma?</translation>
    </message>
    <message>
        <source>Keep reading</source>
        <translation>Endelea kusoma</translation>
    </message>
    <message numerus="yes">
        <source>The screen will go back to the start in %n second(s), so the next person does not see what you read.</source>
        <translation>
            <numerusform>Skrini itarudi mwanzo baada ya sekunde %n, ili mtu anayefuata asione ulichosoma.</numerusform>
            <numerusform>Skrini itarudi mwanzo baada ya sekunde %n, ili mtu anayefuata asione ulichosoma.</numerusform>
        </translation>
    </message>
    <message>
        <source>No visits yet</source>
        <translation>Bado hakuna ziara</translation>
    </message>
    <message>
        <source>%1 in total</source>
        <translation>%1 kwa jumla</translation>
    </message>
    <message>
        <source>Visits per day, last 30 days</source>
        <translation>Ziara kwa siku, siku 30 zilizopita</translation>
    </message>
    <message>
        <source>Most-viewed pages this month</source>
        <translation>Kurasa zilizotazamwa zaidi mwezi huu</translation>
    </message>
    <message>
        <source>No pages viewed yet</source>
        <translation>Bado hakuna kurasa zilizotazamwa</translation>
    </message>
    <message>
        <source>Showing the new content from IT.</source>
        <translation>Inaonyesha maudhui mapya kutoka kwa IT.</translation>
    </message>
    <message>
        <source>Showing the content from the folder given at start.</source>
        <translation>Inaonyesha maudhui kutoka kwenye folda iliyotajwa wakati wa kuanza.</translation>
    </message>
    <message>
        <source>Showing the content that came with the program.</source>
        <translation>Inaonyesha maudhui yaliyokuja na programu.</translation>
    </message>
    <message>
        <source>%1 line %2: %3</source>
        <translation>%1 mstari %2: %3</translation>
    </message>
    <message>
        <source>New content from IT was not used: %1</source>
        <translation>Maudhui mapya kutoka kwa IT hayakutumika: %1</translation>
    </message>
    <message>
        <source>New content from IT was not used (%1 mistakes). The first: %2</source>
        <translation>Maudhui mapya kutoka kwa IT hayakutumika (makosa %1). La kwanza: %2</translation>
    </message>
    <message>
        <source>1 mistake in the content: ask IT to run the content check.</source>
        <translation>Kosa 1 kwenye maudhui: omba IT ifanye ukaguzi wa maudhui.</translation>
    </message>
    <message>
        <source>%1 mistakes in the content: ask IT to run the content check.</source>
        <translation>Makosa %1 kwenye maudhui: omba IT ifanye ukaguzi wa maudhui.</translation>
    </message>
    <message>
        <source>1 page is not yet signed off by the clinic.</source>
        <translation>Ukurasa 1 bado haujaidhinishwa na kliniki.</translation>
    </message>
    <message>
        <source>%1 pages are not yet signed off by the clinic.</source>
        <translation>Kurasa %1 bado hazijaidhinishwa na kliniki.</translation>
    </message>
    <message>
        <source>updated content</source>
        <translation>maudhui yaliyosasishwa</translation>
    </message>
    <message>
        <source>bundled content</source>
        <translation>maudhui ya awali</translation>
    </message>
    <message>
        <source>Showing %1: %2, %3.</source>
        <translation>Inaonyesha %1: %2, %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>tatizo %n</numerusform>
            <numerusform>matatizo %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>tahadhari %n</numerusform>
            <numerusform>tahadhari %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Updated content was refused (%n problem(s)): see the log.</source>
        <translation>
            <numerusform>Maudhui yaliyosasishwa yamekataliwa (tatizo %n): angalia kumbukumbu.</numerusform>
            <numerusform>Maudhui yaliyosasishwa yamekataliwa (matatizo %n): angalia kumbukumbu.</numerusform>
        </translation>
    </message>
</context>
</TS>
